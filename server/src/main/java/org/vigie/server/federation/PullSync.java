package org.vigie.server.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.knowledge.BulkImport;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.knowledge.StoreOutcome;
import org.vigie.server.reports.Reports;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Membership;

/**
 * One pull of one peer: pages of the peer's collection added after the cursor, following
 * {@code next} (or, from servers that give no {@code next}, the page's {@code X-TAXII-Date-Added-Last}),
 * each page judged ({@link IncomingMarkings}), stored as the peer's organisation and shared into
 * the peer's local community, with its provenance, its counts and the new cursor in one
 * transaction: a failure leaves the cursor at the last page stored, never past it.
 */
@Component
class PullSync {

    /** A page the peer sends at most (TAXII's {@code limit}). */
    static final int PAGE_SIZE = 500;
    /** A guard against a peer whose {@code more} never ends. */
    static final int MAX_PAGES = 100_000;

    private final TaxiiClient client;
    private final BulkImport store;
    private final Provenance provenance;
    private final RunRepository runs;
    private final PeerRepository peers;
    private final Communities communities;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Reports reports;
    private final org.vigie.server.campaigns.Campaigns campaigns;

    PullSync(TaxiiClient client, BulkImport store, Provenance provenance, RunRepository runs, PeerRepository peers,
             Communities communities, TransactionTemplate transactions, Clock clock, Reports reports,
             org.vigie.server.campaigns.Campaigns campaigns) {
        this.client = client;
        this.store = store;
        this.provenance = provenance;
        this.runs = runs;
        this.peers = peers;
        this.communities = communities;
        this.transactions = transactions;
        this.clock = clock;
        this.reports = reports;
        this.campaigns = campaigns;
    }

    /**
     * Runs the pull; returns normally when it ended (all pages, or cancelled), throws when the peer
     * or the network failed, the run's counts holding what was stored before.
     *
     * @return whether the run was cancelled
     */
    boolean pull(Peer peer, TaxiiClient.Credentials credentials, UUID run, BooleanSupplier cancelled) {
        String cursor = peer.pullCursor();
        String addedAfter = cursor;
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            if (cancelled.getAsBoolean()) {
                return true;
            }
            TaxiiClient.Page received = client.objects(peer.apiRoot(), peer.collectionId(), credentials, addedAfter, next, PAGE_SIZE);
            String pageCursor = received.dateAddedLast() == null ? cursor
                    : received.more() ? justBefore(received.dateAddedLast(), cursor) : received.dateAddedLast();
            storePage(peer, run, received.objects(), pageCursor);
            cursor = pageCursor;
            if (!received.more() || received.objects().isEmpty()) {
                return false;
            }
            if (received.next() != null) {
                if (received.next().equals(next)) {
                    throw new TaxiiException("the peer answered the same \"next\" twice; stopped to avoid a loop", 200);
                }
                next = received.next();
            } else if (received.dateAddedLast() != null) {
                addedAfter = received.dateAddedLast(); // servers without "next" page by added_after
                next = null;
            } else {
                throw new TaxiiException("the peer says there is more but gives neither \"next\" nor X-TAXII-Date-Added-Last", 200);
            }
        }
        throw new TaxiiException("more than " + MAX_PAGES + " pages in one run; the next run resumes from the cursor", 200);
    }

    private void storePage(Peer peer, UUID run, List<JsonNode> objects, String cursor) {
        List<JsonNode> shared = new ArrayList<>();
        List<JsonNode> amber = new ArrayList<>();
        List<SyncRun.Rejection> rejections = new ArrayList<>();
        int skipped = 0;
        for (JsonNode object : objects) {
            IncomingMarkings.Verdict verdict = IncomingMarkings.judge(object, peer.maxTlp());
            if (verdict instanceof IncomingMarkings.Accept accept) {
                (accept.tlp() == Tlp.AMBER ? amber : shared).add(object);
            } else if (verdict instanceof IncomingMarkings.Reject reject) {
                rejections.add(new SyncRun.Rejection(idOf(object), reject.reason()));
            } else {
                skipped++;
            }
        }
        Set<UUID> community = Set.of(peer.communityId());
        // Validation is the CPU-bound part: done before the transaction opens.
        List<BulkImport.Batch> batches = new ArrayList<>();
        if (!shared.isEmpty()) {
            batches.add(store.prepare(peer.organisationId(), peer.id(), shared,
                    new SharingRequest(IncomingMarkings.UNMARKED, null, community, Set.of(), Set.of())));
        }
        if (!amber.isEmpty()) {
            // TLP:AMBER was given to this hub as a recipient: here its recipients are the organisations
            // taking part in the chosen community now (accepted the charter).
            Set<UUID> members = communities.members(peer.communityId()).stream().filter(Membership::accepted)
                    .map(Membership::organisationId).collect(Collectors.toSet());
            batches.add(store.prepare(peer.organisationId(), peer.id(), amber, new SharingRequest(Tlp.AMBER, null, community, members, Set.of())));
        }
        int finalSkipped = skipped;
        transactions.executeWithoutResult(tx -> {
            int stored = 0;
            int unchanged = 0;
            List<Provenance.Received> received = new ArrayList<>();
            List<JsonNode> storedObjects = new ArrayList<>();
            for (BulkImport.Batch batch : batches) {
                StoreOutcome outcome = store.write(batch);
                for (StoreOutcome.ObjectResult result : outcome.results()) {
                    switch (result.status()) {
                        case CREATED, NEW_VERSION -> {
                            stored++;
                            received.add(new Provenance.Received(result.id(), Instant.parse(result.modified())));
                            storedObjects.add(batch.object(result.index()));
                        }
                        case UNCHANGED -> unchanged++;
                        case REJECTED -> rejections.add(new SyncRun.Rejection(result.id(), result.problems().stream()
                                .map(p -> p.pointer().replaceFirst("^/objects/\\d+", "") + ": " + p.message())
                                .collect(Collectors.joining("; "))));
                    }
                }
            }
            Instant now = clock.instant();
            provenance.record(peer, run, received, now);
            runs.addPage(run, objects.size(), stored, unchanged, finalSkipped, rejections.size(), rejections, cursor);
            if (cursor != null) {
                peers.advancePullCursor(peer.id(), cursor);
            }
            // incidents carrying Vigie's report extension become reports here too (search, correlation), campaigns campaigns
            reports.indexStoredIncidents(storedObjects);
            campaigns.indexStoredCampaigns(storedObjects);
        });
    }

    /**
     * The cursor to keep after a page that is not the last: many objects can share a date added (one
     * import), and the next page may hold more of the page's last date, which {@code added_after} of
     * that date would leave out if this run stopped here. One microsecond before it, the next run
     * asks again for the few already stored (unchanged) and misses none.
     */
    static String justBefore(String dateAdded, String previous) {
        try {
            return Instant.parse(dateAdded).minus(1, java.time.temporal.ChronoUnit.MICROS).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return previous; // a date we cannot read: keep the cursor we had, the pages are stored anyway
        }
    }

    private static String idOf(JsonNode object) {
        return object != null && object.path("id").isTextual() ? object.get("id").asText() : null;
    }
}
