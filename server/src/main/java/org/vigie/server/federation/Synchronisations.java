package org.vigie.server.federation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.web.ConflictException;

/**
 * Runs syncs: on demand (an administrator) and on each peer's schedule, one at a time per peer
 * (the database's unique index on running runs holds it across threads), in the background, with
 * progress read from the run's row and a cancel that takes effect between pages.
 */
@Service
public class Synchronisations {

    private static final Logger LOG = LoggerFactory.getLogger(Synchronisations.class);

    private final Peers peers;
    private final PullSync pull;
    private final PushSync push;
    private final RunRepository runs;
    private final TaxiiClient client;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean scheduled;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "vigie-federation");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, AtomicBoolean> cancels = new ConcurrentHashMap<>();

    Synchronisations(Peers peers, PullSync pull, PushSync push, RunRepository runs, TaxiiClient client, AuditTrail audit, Clock clock,
                     @Value("${vigie.federation.schedule:true}") boolean scheduled) {
        this.peers = peers;
        this.pull = pull;
        this.push = push;
        this.runs = runs;
        this.client = client;
        this.audit = audit;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    /** Starts a pull of the peer now; 409 if one is running. Answers the run, still running. */
    public SyncRun syncNow(Member actor, UUID peerId) {
        Peer peer = peers.get(actor, peerId);
        SyncRun run = start(peer, SyncRun.Trigger.MANUAL)
                .orElseThrow(() -> new ConflictException("peer", "federation.sync.running", "A sync of " + peer.name() + " is already running."));
        audit.record(AuditEvent.of("federation.sync-requested", "peer", peer.id()).with("name", peer.name()).with("run", run.id()));
        return run;
    }

    /** Asks the running sync of the peer to stop after its current page; false if none runs here. */
    public boolean cancel(Member actor, UUID peerId) {
        Peer peer = peers.get(actor, peerId);
        AtomicBoolean flag = cancels.get(peer.id());
        if (flag == null) {
            return false;
        }
        flag.set(true);
        audit.record(AuditEvent.of("federation.sync-cancel-requested", "peer", peer.id()).with("name", peer.name()));
        return true;
    }

    public List<SyncRun> runs(Member actor, UUID peerId, int limit) {
        peers.get(actor, peerId);
        return runs.ofPeer(peerId, Math.max(1, Math.min(limit, 500)));
    }

    public Optional<SyncRun> run(Member actor, UUID peerId, UUID runId) {
        peers.get(actor, peerId);
        return runs.find(runId).filter(r -> r.peerId().equals(peerId));
    }

    public Map<UUID, SyncRun> latestRuns(Member actor) {
        Peers.require(actor);
        return runs.latestPerPeer();
    }

    /** Every minute: starts the pulls that are due (enabled peers whose interval has passed since their last pull). */
    @Scheduled(fixedDelayString = "${vigie.federation.tick:60s}", initialDelayString = "${vigie.federation.tick:60s}")
    void pullDuePeers() {
        if (!scheduled) {
            return;
        }
        Instant now = clock.instant();
        Map<UUID, Instant> lastStarts = runs.lastPullStarts();
        for (Peer peer : peers.allForSchedule()) {
            Instant last = lastStarts.getOrDefault(peer.id(), peer.createdAt());
            if (peer.enabled() && !last.plus(Duration.ofMinutes(peer.pullIntervalMinutes())).isAfter(now)) {
                start(peer, SyncRun.Trigger.SCHEDULE); // empty if one is already running: the next tick tries again
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeInterruptedRuns() {
        int closed = runs.closeInterrupted(clock.instant());
        if (closed > 0) {
            LOG.warn("{} federation sync run(s) were interrupted by the last stop; marked failed", closed);
        }
    }

    @PreDestroy
    void stop() {
        cancels.values().forEach(flag -> flag.set(true));
        workers.shutdownNow();
    }

    private Optional<SyncRun> start(Peer peer, SyncRun.Trigger trigger) {
        Optional<SyncRun> started = runs.start(peer.id(), SyncRun.Direction.PULL, trigger, peer.pullCursor(), clock.instant());
        started.ifPresent(run -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            cancels.put(peer.id(), cancelled);
            workers.submit(() -> execute(peer, run, cancelled));
        });
        return started;
    }

    private void execute(Peer peer, SyncRun run, AtomicBoolean cancelled) {
        try {
            boolean finished = perform(peer, run, cancelled, SyncRun.Direction.PULL);
            Peer current = peers.find(peer.id()).orElse(null);
            if (finished && current != null && current.pushes() && !cancelled.get()) {
                // the push follows the pull as its own run: one run at a time per peer
                runs.start(peer.id(), SyncRun.Direction.PUSH, run.trigger(), current.pushCursor(), clock.instant())
                        .ifPresent(pushRun -> perform(current, pushRun, cancelled, SyncRun.Direction.PUSH));
            }
        } finally {
            cancels.remove(peer.id(), cancelled);
        }
    }

    /** Runs one pull or push to its end and records it; answers whether it succeeded. */
    private boolean perform(Peer peer, SyncRun run, AtomicBoolean cancelled, SyncRun.Direction direction) {
        SyncRun.State state = SyncRun.State.SUCCEEDED;
        String error = null;
        try {
            // the peer as it is now: its cursor may have moved since the run was asked for
            Peer current = peers.find(peer.id()).orElseThrow(() -> new IllegalStateException("the peer was removed"));
            boolean wasCancelled = direction == SyncRun.Direction.PULL
                    ? pull.pull(current, peers.credentials(current), run.id(), cancelled::get)
                    : push.push(current, peers.credentials(current), run.id(), cancelled::get);
            if (wasCancelled) {
                state = SyncRun.State.CANCELLED;
            }
        } catch (TaxiiException e) {
            state = SyncRun.State.FAILED;
            error = e.getMessage();
        } catch (RuntimeException e) {
            state = SyncRun.State.FAILED;
            error = "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
            LOG.warn("federation {} of peer {} failed", direction, peer.name(), e);
        }
        try {
            runs.finish(run.id(), state, error, clock.instant());
            SyncRun done = runs.find(run.id()).orElseThrow();
            if (done.stored() > 0 || state != SyncRun.State.SUCCEEDED || done.trigger() == SyncRun.Trigger.MANUAL) {
                audit.record(AuditEvent.of("federation.sync-finished", "peer", peer.id()).with("name", peer.name())
                        .with("run", run.id()).with("direction", direction.name()).with("state", state.name())
                        .with("pages", done.pages()).with("received", done.received())
                        .with("stored", done.stored()).with("unchanged", done.unchanged()).with("skipped", done.skipped())
                        .with("rejected", done.rejected()).with("error", error == null ? "" : error));
            }
        } catch (RuntimeException e) {
            LOG.error("could not record the end of federation run {}", run.id(), e);
        }
        return state == SyncRun.State.SUCCEEDED;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }

    // ---- test connection -----------------------------------------------------------------------

    /** One step of a connection test. */
    public record Check(String step, boolean ok, String detail) {
    }

    /** Fetches the discovery resource, the API root and the collection with the peer's settings. */
    public List<Check> testConnection(Member actor, UUID peerId) {
        Peer peer = peers.get(actor, peerId);
        return test(peer.discoveryUrl(), peer.apiRoot(), peer.collectionId(), peers.credentials(peer));
    }

    /** The same for settings not saved yet (the form's button). */
    public List<Check> testConnection(Member actor, PeerChanges settings) {
        Peers.require(actor);
        return test(settings.discoveryUrl(), settings.apiRoot(), settings.collectionId(), new TaxiiClient.Credentials(
                settings.authScheme() == null ? AuthScheme.BEARER : settings.authScheme(), settings.username(),
                settings.token() == null ? "" : settings.token().trim()));
    }

    private List<Check> test(String discoveryUrl, String apiRoot, String collectionId, TaxiiClient.Credentials credentials) {
        List<Check> checks = new ArrayList<>();
        try {
            JsonNode discovery = client.discovery(discoveryUrl, credentials);
            List<String> roots = new ArrayList<>();
            discovery.path("api_roots").forEach(r -> roots.add(r.asText()));
            checks.add(new Check("discovery", true, discovery.path("title").asText("") + " — API roots: " + String.join(", ", roots)));
        } catch (TaxiiException | IllegalArgumentException e) {
            checks.add(new Check("discovery", false, e.getMessage()));
        }
        try {
            JsonNode root = client.apiRoot(apiRoot, credentials);
            List<String> versions = new ArrayList<>();
            root.path("versions").forEach(v -> versions.add(v.asText()));
            boolean speaks21 = versions.stream().anyMatch(v -> v.replace(" ", "").equals(TaxiiClient.MEDIA_TYPE));
            checks.add(new Check("apiRoot", speaks21, root.path("title").asText("") + " — " + String.join(", ", versions)
                    + (speaks21 ? "" : " (does not list " + TaxiiClient.MEDIA_TYPE + ")")));
        } catch (TaxiiException | IllegalArgumentException e) {
            checks.add(new Check("apiRoot", false, e.getMessage()));
        }
        try {
            JsonNode collection = client.collection(apiRoot, collectionId, credentials);
            boolean canRead = collection.path("can_read").asBoolean(false);
            checks.add(new Check("collection", canRead, collection.path("title").asText("") + " — can_read: " + canRead
                    + ", can_write: " + collection.path("can_write").asBoolean(false)));
        } catch (TaxiiException | IllegalArgumentException e) {
            checks.add(new Check("collection", false, e.getMessage()));
        }
        return checks;
    }
}
