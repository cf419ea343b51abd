package org.vigie.core.audit;

import java.util.Optional;

/**
 * Checks a stored audit chain one entry at a time, in sequence order, so that millions of entries
 * can be streamed from the database without being held in memory. Stops at the first broken link.
 *
 * <p>Sequence numbers are gap-free by construction (they are assigned under the chain's lock), so
 * a gap means an entry was deleted. Deleting the newest entries leaves no gap; comparing the last
 * entry with the separately stored head ({@link #finish(long, String)}) catches that.
 */
public final class ChainVerifier {

    private long expectedSequence = 1;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private BrokenLink broken;

    /** @return false once the chain is broken; later entries are not examined */
    public boolean accept(ChainedAuditEntry stored) {
        if (broken != null) {
            return false;
        }
        long sequence = stored.sequence();
        if (sequence != expectedSequence) {
            return fail(expectedSequence, sequence > expectedSequence
                    ? "entry #" + expectedSequence + " is missing (next stored entry is #" + sequence + ")"
                    : "entry #" + sequence + " appears out of order");
        }
        if (!previousHash.equals(stored.previousHash())) {
            return fail(sequence, "entry #" + sequence + " does not link to entry #" + (sequence - 1)
                    + " (its previous hash differs)");
        }
        if (!AuditChain.hash(stored.previousHash(), stored.entry()).equals(stored.hash())) {
            return fail(sequence, "entry #" + sequence + " was altered (its content no longer matches its hash)");
        }
        previousHash = stored.hash();
        expectedSequence = sequence + 1;
        checked++;
        return true;
    }

    /** Compares the end of the chain with the head recorded when the last entry was appended. */
    public ChainVerification finish(long headSequence, String headHash) {
        if (broken == null && headSequence != expectedSequence - 1) {
            fail(Math.min(headSequence, expectedSequence),
                    headSequence > expectedSequence - 1
                            ? "entries #" + expectedSequence + " to #" + headSequence + " are missing from the end of the log"
                            : "the recorded head is #" + headSequence + " but the log continues to #" + (expectedSequence - 1));
        } else if (broken == null && !previousHash.equals(headHash)) {
            fail(headSequence, "entry #" + headSequence + " does not match the recorded head of the chain");
        }
        return new ChainVerification(checked, headSequence, headHash, Optional.ofNullable(broken));
    }

    private boolean fail(long sequence, String reason) {
        broken = new BrokenLink(sequence, reason);
        return false;
    }

    /** Where the chain first breaks and why. */
    public record BrokenLink(long sequence, String reason) {
    }

    /** The outcome: how many entries were checked and the first broken link, if any. */
    public record ChainVerification(long entriesChecked, long headSequence, String headHash, Optional<BrokenLink> brokenLink) {

        public boolean intact() {
            return brokenLink.isEmpty();
        }
    }
}
