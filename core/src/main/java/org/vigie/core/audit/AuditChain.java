package org.vigie.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain that makes the audit log tamper-evident: each entry's hash is SHA-256 over the
 * previous entry's hash and the entry's own fields, so changing, removing or reordering any stored
 * entry breaks every link after it.
 *
 * <p>Fields are length-prefixed, so no choice of values can make two different entries encode to
 * the same bytes (a plain separator could be forged by putting the separator inside a value).
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static ChainedAuditEntry append(String previousHash, AuditEntry entry) {
        return new ChainedAuditEntry(entry, previousHash, hash(previousHash, entry));
    }

    public static String hash(String previousHash, AuditEntry entry) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, previousHash);
        field(canonical, Long.toString(entry.sequence()));
        field(canonical, entry.occurredAt().toString());
        field(canonical, entry.actorId());
        field(canonical, entry.actorName());
        field(canonical, entry.action());
        field(canonical, entry.targetType());
        field(canonical, entry.targetId());
        field(canonical, entry.details());
        field(canonical, entry.sourceAddress());
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
