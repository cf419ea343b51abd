package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Distribution;

/**
 * The store's bulk import path: the same validation, markings and batched inserts as
 * {@link KnowledgeStore#store}, batch by batch, so that an import of any size streams. Preparing
 * (validation, CPU-bound) and writing are separate so that a loader can validate the next batch while
 * this one is written.
 *
 * <p>Requests (the STIX import, TAXII, federation, MISP) go through a {@link Session}, opened with the
 * importer's permission and distribution checks. {@link #prepare(UUID, UUID, List, SharingRequest)}
 * skips those checks: it is for benchmarks and for federation pulls, whose batches were vouched for
 * elsewhere (a peer hub registered by a platform administrator; its objects are owned by the local
 * organisation standing for the peer, which is no member of the community they are shared into).
 */
@Component
public class BulkImport {

    /** A batch validated and marked, not written yet. */
    public static final class Batch {

        private final KnowledgeStore.PreparedImport prepared;

        private Batch(KnowledgeStore.PreparedImport prepared) {
            this.prepared = prepared;
        }

        public int size() {
            return prepared.objects().size();
        }

        /** The i-th object of the batch as it is (or would be) stored, its markings settled; null if it was not a JSON object. */
        public JsonNode object(int i) {
            return prepared.object(i);
        }

        /** The objects of the batch refused by schema validation or marking, with their problems; writing refuses no fewer. */
        public List<StoreOutcome.ObjectResult> refused() {
            return prepared.refused();
        }
    }

    /**
     * One importer's request, checked when opened: the member may share (analyst or administrator of
     * an organisation) and the distribution names only communities their organisation is an active
     * member of, existing organisations and people; otherwise opening it throws (403, or 400 naming the
     * parameter) and nothing is read. Writes join the caller's transaction, so that a caller decides what
     * is all or nothing. Batches are not audited one by one: the caller records the import once with
     * {@link #recordStored} at the end of its transaction (an audit append locks the chain until commit).
     */
    public final class Session {

        private final Member importer;
        private final SharingRequest sharing;
        private final Distribution distribution;
        private long stored;
        private final List<String> firstStored = new ArrayList<>();

        private Session(Member importer, SharingRequest sharing, Distribution distribution) {
            this.importer = importer;
            this.sharing = sharing;
            this.distribution = distribution;
        }

        public Member importer() {
            return importer;
        }

        /** Validates and marks objects; their indexes and JSON pointers ({@code /objects/i}) count from {@code firstIndex}. Thread-safe. */
        public Batch prepare(List<JsonNode> objects, int firstIndex) {
            return new Batch(store.prepareImport(importer, distribution, objects, firstIndex, sharing));
        }

        /** Writes a prepared batch in the caller's transaction (one is opened if there is none); refusals are reported, not thrown. */
        public StoreOutcome write(Batch batch) {
            StoreOutcome outcome = store.writeImportUnaudited(batch.prepared);
            for (StoreOutcome.ObjectResult result : outcome.results()) {
                if (result.status() == StoreOutcome.Status.CREATED || result.status() == StoreOutcome.Status.NEW_VERSION) {
                    stored++;
                    if (firstStored.size() < 100) {
                        firstStored.add(result.id() + "@" + result.modified());
                    }
                }
            }
            return outcome;
        }

        /** Appends the one audit entry of what this session stored (call it last, in the writes' transaction). */
        public void recordStored() {
            store.recordStored(stored, firstStored);
        }
    }

    /** Opens an import for the member with the request's sharing, after the checks {@link KnowledgeStore#store} makes. */
    public Session session(Member importer, SharingRequest sharing) {
        return new Session(importer, sharing, store.checkImporter(importer, sharing));
    }

    private final KnowledgeStore store;

    BulkImport(KnowledgeStore store) {
        this.store = store;
    }

    /** Validates and marks the objects as the organisation's (the account is recorded as having added them). */
    public Batch prepare(UUID organisation, UUID account, List<JsonNode> objects, SharingRequest sharing) {
        return new Batch(store.prepareImport(organisation, account, objects, sharing));
    }

    /** Writes the batch; joins the caller's transaction if there is one. Refused objects are reported, not thrown. */
    public StoreOutcome write(Batch batch) {
        return store.writeImport(batch.prepared);
    }
}
