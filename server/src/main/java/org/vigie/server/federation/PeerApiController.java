package org.vigie.server.federation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.web.NotFoundException;

@RestController
@RequestMapping("/api/v1/peers")
@Tag(name = "Federation", description = "Peer hubs pulled over TAXII 2.1 (platform administrators)")
class PeerApiController {

    private final Peers peers;
    private final Synchronisations syncs;

    PeerApiController(Peers peers, Synchronisations syncs) {
        this.peers = peers;
        this.syncs = syncs;
    }

    /** A peer as the API shows it: never its token, only that one is set. */
    record PeerView(UUID id, String name, String discoveryUrl, String apiRoot, String collectionId, AuthScheme authScheme,
                    String username, boolean tokenSet, UUID organisationId, UUID communityId, Tlp maxTlp, int pullIntervalMinutes,
                    boolean enabled, String pullCursor, UUID pushCommunityId, String pushCollectionId, Instant createdAt,
                    Instant updatedAt, SyncRun lastRun) {

        static PeerView of(Peer p, SyncRun lastRun) {
            return new PeerView(p.id(), p.name(), p.discoveryUrl(), p.apiRoot(), p.collectionId(), p.authScheme(), p.username(), true,
                    p.organisationId(), p.communityId(), p.maxTlp(), p.pullIntervalMinutes(), p.enabled(), p.pullCursor(),
                    p.pushCommunityId(), p.pushCollectionId(), p.createdAt(), p.updatedAt(), lastRun);
        }
    }

    @GetMapping
    @Operation(summary = "Registered peer hubs, each with its last sync run")
    List<PeerView> list(Member me) {
        Map<UUID, SyncRun> latest = syncs.latestRuns(me);
        return peers.all(me).stream().map(p -> PeerView.of(p, latest.get(p.id()))).toList();
    }

    @PostMapping
    @Operation(summary = "Register a peer hub", description = "The token is stored encrypted and never shown again. Without "
            + "organisationId, an organisation standing for the peer is created (give organisationCountry). maxTlp: CLEAR, GREEN "
            + "(default) or AMBER; TLP:AMBER+STRICT and TLP:RED are never accepted.")
    ResponseEntity<PeerView> register(Member me, @RequestBody PeerChanges request) {
        Peer peer = peers.register(me, request);
        return ResponseEntity.created(URI.create("/api/v1/peers/" + peer.id())).body(PeerView.of(peer, null));
    }

    @GetMapping("/{id}")
    PeerView get(Member me, @PathVariable UUID id) {
        Peer peer = peers.get(me, id);
        return PeerView.of(peer, syncs.runs(me, id, 1).stream().findFirst().orElse(null));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a peer", description = "Absent fields are left as they are; a blank or absent token keeps the stored one.")
    PeerView update(Member me, @PathVariable UUID id, @RequestBody PeerChanges changes) {
        return PeerView.of(peers.update(me, id, changes), null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a peer", description = "Its runs go; what it sent stays, owned by its organisation, with its provenance.")
    ResponseEntity<Void> remove(Member me, @PathVariable UUID id) {
        peers.remove(me, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/sync")
    @Operation(summary = "Pull the peer now", description = "Answers 202 with the run, which goes on in the background: follow it "
            + "at GET /api/v1/peers/{id}/runs/{runId}. 409 if a sync of this peer is running.")
    ResponseEntity<SyncRun> sync(Member me, @PathVariable UUID id) {
        SyncRun run = syncs.syncNow(me, id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/peers/" + id + "/runs/" + run.id())).body(run);
    }

    @PostMapping("/{id}/sync/cancel")
    @Operation(summary = "Cancel the running sync after its current page", description = "404 if none is running.")
    ResponseEntity<Void> cancel(Member me, @PathVariable UUID id) {
        if (!syncs.cancel(me, id)) {
            throw new NotFoundException("running sync of peer", id);
        }
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/{id}/runs")
    @Operation(summary = "The peer's sync runs, newest first")
    List<SyncRun> runs(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        return syncs.runs(me, id, limit);
    }

    @GetMapping("/{id}/runs/{runId}")
    SyncRun run(Member me, @PathVariable UUID id, @PathVariable UUID runId) {
        return syncs.run(me, id, runId).orElseThrow(() -> new NotFoundException("run", runId));
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Test the connection: fetch the discovery resource, the API root and the collection")
    List<Synchronisations.Check> test(Member me, @PathVariable UUID id) {
        return syncs.testConnection(me, id);
    }

    @PostMapping("/test")
    @Operation(summary = "Test settings before saving them (same checks)")
    List<Synchronisations.Check> testSettings(Member me, @RequestBody PeerChanges settings) {
        return syncs.testConnection(me, settings);
    }
}
