package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The store's bulk import path for other modules' benchmarks: the same validation, markings,
 * batched inserts and audit as {@link KnowledgeStore#store}, without the author's permission and
 * distribution checks, for batches whose origin was vouched for elsewhere. Preparing (validation,
 * CPU-bound) and writing are separate so that a loader can validate the next batch while this one is
 * written, as {@link KnowledgeBenchmark} does. Never reachable from a request.
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
