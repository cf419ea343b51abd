package org.vigie.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static List<ChainedAuditEntry> chainOf(int length) {
        List<ChainedAuditEntry> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEntry entry = new AuditEntry(i, Instant.parse("2027-04-10T08:00:00Z").plusSeconds(i), "u-" + i, "alice",
                    "organisation.updated", "organisation", "o-1", "{\"name\":\"v" + i + "\"}", "127.0.0.1");
            ChainedAuditEntry chained = AuditChain.append(previous, entry);
            chain.add(chained);
            previous = chained.hash();
        }
        return chain;
    }

    private static ChainVerifier.ChainVerification verify(List<ChainedAuditEntry> stored, long headSequence, String headHash) {
        ChainVerifier verifier = new ChainVerifier();
        for (ChainedAuditEntry entry : stored) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        return verifier.finish(headSequence, headHash);
    }

    private static ChainVerifier.ChainVerification verify(List<ChainedAuditEntry> stored) {
        ChainedAuditEntry last = stored.get(stored.size() - 1);
        return verify(stored, last.sequence(), last.hash());
    }

    @Test
    void anUntouchedChainVerifies() {
        ChainVerifier.ChainVerification result = verify(chainOf(5));

        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(5);
    }

    @Test
    void anEmptyLogWithAnEmptyHeadVerifies() {
        assertThat(verify(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
    }

    @Test
    void anEditedEntryIsNamed() {
        List<ChainedAuditEntry> chain = chainOf(5);
        ChainedAuditEntry third = chain.get(2);
        AuditEntry e = third.entry();
        chain.set(2, new ChainedAuditEntry(new AuditEntry(e.sequence(), e.occurredAt(), e.actorId(), "mallory",
                e.action(), e.targetType(), e.targetId(), e.details(), e.sourceAddress()), third.previousHash(), third.hash()));

        ChainVerifier.ChainVerification result = verify(chain);

        assertThat(result.brokenLink()).hasValueSatisfying(link -> {
            assertThat(link.sequence()).isEqualTo(3);
            assertThat(link.reason()).contains("#3").contains("altered");
        });
    }

    @Test
    void anEntryEditedTogetherWithItsHashBreaksTheNextLink() {
        List<ChainedAuditEntry> chain = chainOf(5);
        ChainedAuditEntry third = chain.get(2);
        AuditEntry e = third.entry();
        AuditEntry forged = new AuditEntry(e.sequence(), e.occurredAt(), e.actorId(), "mallory",
                e.action(), e.targetType(), e.targetId(), e.details(), e.sourceAddress());
        chain.set(2, AuditChain.append(third.previousHash(), forged));

        assertThat(verify(chain).brokenLink()).hasValueSatisfying(link -> assertThat(link.sequence()).isEqualTo(4));
    }

    @Test
    void aDeletedEntryIsNamed() {
        List<ChainedAuditEntry> chain = chainOf(5);
        chain.remove(1);

        assertThat(verify(chain).brokenLink()).hasValueSatisfying(link -> {
            assertThat(link.sequence()).isEqualTo(2);
            assertThat(link.reason()).contains("missing");
        });
    }

    @Test
    void deletingTheNewestEntriesIsCaughtByTheHead() {
        List<ChainedAuditEntry> chain = chainOf(5);
        ChainedAuditEntry head = chain.get(4);

        ChainVerifier.ChainVerification result = verify(chain.subList(0, 3), head.sequence(), head.hash());

        assertThat(result.brokenLink()).hasValueSatisfying(link -> assertThat(link.reason()).contains("#4 to #5"));
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeTheSameHash() {
        Instant t = Instant.parse("2027-04-10T08:00:00Z");
        AuditEntry a = new AuditEntry(1, t, null, "ab", "c", null, null, "{}", null);
        AuditEntry b = new AuditEntry(1, t, null, "a", "bc", null, null, "{}", null);

        assertThat(AuditChain.hash(AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, b));
    }

    @Test
    void timestampsAreHashedAtTheDatabasePrecision() {
        Instant precise = Instant.parse("2027-04-10T08:00:00.123456789Z");
        AuditEntry inMemory = new AuditEntry(1, precise, null, "a", "x", null, null, "{}", null);
        AuditEntry fromDatabase = new AuditEntry(1, Instant.parse("2027-04-10T08:00:00.123456Z"), null, "a", "x", null, null, "{}", null);

        assertThat(AuditChain.hash(AuditChain.GENESIS, inMemory)).isEqualTo(AuditChain.hash(AuditChain.GENESIS, fromDatabase));
    }
}
