package org.vigie.core.audit;

/** An audit entry as stored: its content plus the hash of the entry before it and its own hash. */
public record ChainedAuditEntry(AuditEntry entry, String previousHash, String hash) {

    public long sequence() {
        return entry.sequence();
    }
}
