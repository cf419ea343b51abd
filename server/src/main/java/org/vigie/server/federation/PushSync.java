package org.vigie.server.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeFeed;
import org.vigie.server.knowledge.StoredObject;

/**
 * One push to one peer: the versions shared into the chosen local community since the push cursor,
 * as the peer would read them if it took part in that community (CLEAR and GREEN shared there,
 * AMBER only when addressed to the peer's organisation and the peer accepts AMBER; never
 * AMBER+STRICT or RED; never what the peer itself sent), POSTed in envelopes of bounded size, each
 * followed to its final status. The cursor moves after each envelope the peer has finished with.
 */
@Component
class PushSync {

    /** Objects per envelope at most; an envelope also stays under {@link #maxEnvelopeBytes}. */
    static final int ENVELOPE_OBJECTS = 100;

    private final TaxiiClient client;
    private final KnowledgeFeed feed;
    private final RunRepository runs;
    private final PeerRepository peers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final long maxEnvelopeBytes;
    private final Duration statusPoll;

    PushSync(TaxiiClient client, KnowledgeFeed feed, RunRepository runs, PeerRepository peers, AuditTrail audit,
             TransactionTemplate transactions, ObjectMapper json,
             @Value("${vigie.federation.push.max-envelope-bytes:5000000}") long maxEnvelopeBytes,
             @Value("${vigie.federation.push.status-poll:1s}") Duration statusPoll) {
        this.client = client;
        this.feed = feed;
        this.runs = runs;
        this.peers = peers;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.statusPoll = statusPoll;
    }

    /** @return whether the run was cancelled */
    boolean push(Peer peer, TaxiiClient.Credentials credentials, UUID run, BooleanSupplier cancelled) {
        Viewer asPeer = new Viewer(peer.id(), peer.organisationId(), Set.of(peer.pushCommunityId()));
        Tlp ceiling = peer.maxTlp().compareTo(Tlp.AMBER) > 0 ? Tlp.AMBER : peer.maxTlp();
        long budget = maxEnvelopeBytes;
        try {
            JsonNode root = client.apiRoot(peer.apiRoot(), credentials);
            if (root.path("max_content_length").canConvertToLong()) {
                budget = Math.min(budget, root.path("max_content_length").asLong() - 1024); // room for the envelope itself
            }
        } catch (TaxiiException e) {
            throw e;
        }
        KnowledgeFeed.Position cursor = peer.pushCursor() == null ? null : KnowledgeFeed.Position.parse(peer.pushCursor());
        while (!cancelled.getAsBoolean()) {
            List<StoredObject> pending = feed.addedSince(asPeer, peer.pushCommunityId(), ceiling, cursor, peer.organisationId(), ENVELOPE_OBJECTS);
            if (pending.isEmpty()) {
                return false;
            }
            List<JsonNode> envelope = new ArrayList<>();
            long size = 0;
            KnowledgeFeed.Position last = cursor;
            for (StoredObject object : pending) {
                long bytes = bytes(object.object());
                if (!envelope.isEmpty() && size + bytes > budget) {
                    break;
                }
                if (bytes > budget) {
                    throw new TaxiiException("object " + object.stixId() + " (" + bytes + " bytes) is larger than the peer accepts ("
                            + budget + " bytes); the push stops before it", 413);
                }
                envelope.add(object.object());
                size += bytes;
                last = KnowledgeFeed.Position.of(object);
            }
            JsonNode status = finalStatus(peer, credentials, client.addObjects(peer.apiRoot(), peer.pushCollectionId(), credentials, envelope));
            List<SyncRun.Rejection> failures = new ArrayList<>();
            status.path("failures").forEach(f -> failures.add(new SyncRun.Rejection(f.path("id").asText(null),
                    f.path("message").asText("refused by the peer"))));
            int successes = status.path("success_count").asInt(envelope.size() - failures.size());
            int stillPending = status.path("pending_count").asInt(0);
            KnowledgeFeed.Position advanced = last;
            transactions.executeWithoutResult(tx -> {
                runs.addPage(run, envelope.size(), successes, 0, 0, failures.size(), failures, advanced.toString());
                peers.advancePushCursor(peer.id(), advanced.toString());
                audit.record(AuditEvent.of("federation.pushed", "peer", peer.id()).with("name", peer.name())
                        .with("collection", peer.pushCollectionId()).with("sent", envelope.size()).with("succeeded", successes)
                        .with("failed", failures.size()).with("pending", stillPending)
                        .with("objects", envelope.stream().limit(100).map(o -> o.path("id").asText() + "@" + o.path("modified").asText()).toList()));
            });
            cursor = advanced;
        }
        return true;
    }

    /** Polls the status resource until the peer has finished with the envelope (or a minute passed). */
    private JsonNode finalStatus(Peer peer, TaxiiClient.Credentials credentials, JsonNode status) {
        Instant deadline = Instant.now().plusSeconds(60);
        while ("pending".equals(status.path("status").asText()) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(statusPoll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaxiiException("interrupted while waiting for the peer's status", e);
            }
            status = client.status(peer.apiRoot(), status.path("id").asText(), credentials);
        }
        if ("pending".equals(status.path("status").asText())) {
            throw new TaxiiException("the peer's status " + status.path("id").asText() + " is still pending after a minute", 202);
        }
        return status;
    }

    private long bytes(JsonNode object) {
        try {
            return json.writeValueAsBytes(object).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
