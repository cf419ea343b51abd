package org.vigie.server.sharing;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.InformationKind;
import org.vigie.core.sharing.Tlp;

@RestController
@RequestMapping("/api/v1/communities")
@Tag(name = "Communities", description = "Groups of organisations sharing under a charter of sharing objectives, which each member accepts")
class CommunityApiController {

    private final Communities communities;

    CommunityApiController(Communities communities) {
        this.communities = communities;
    }

    record CreateCommunityRequest(
            @NotBlank @Size(max = Communities.MAX_NAME) String name,
            @Size(max = Communities.MAX_PURPOSE) String purpose,
            @NotNull CharterRequest charter) {
    }

    record UpdateCommunityRequest(
            @Size(min = 1, max = Communities.MAX_NAME) String name,
            @Size(max = Communities.MAX_PURPOSE) String purpose,
            CharterRequest charter) {
    }

    /** The charter's rules are the service's (see CharterRules), so that the API and the forms apply the same ones. */
    @Schema(description = "The charter: a preamble and sharing objectives. A plain string is read as a preamble without objectives.")
    record CharterRequest(String preamble, List<ObjectiveRequest> objectives) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        CharterRequest {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static CharterRequest text(String preamble) {
            return new CharterRequest(preamble, List.of());
        }

        Charter charter() {
            return new Charter(preamble, objectives == null ? List.of()
                    : objectives.stream().map(o -> o == null ? new SharingObjective(null, null, null) : o.objective()).toList());
        }
    }

    @Schema(description = "Organisations of these sectors are expected to share these kinds of information, marked by default at this TLP level.")
    record ObjectiveRequest(List<Sector> sectors, List<InformationKind> kinds, Tlp defaultTlp) {
        SharingObjective objective() {
            return new SharingObjective(sectors, kinds, defaultTlp);
        }
    }

    record AddMemberRequest(@NotNull UUID organisationId) {
    }

    record AppointAdministratorRequest(@NotNull UUID accountId) {
    }

    @Schema(description = "Optionally, the charter version the caller read: if the charter has changed since, nothing is accepted (409).")
    record AcceptRequest(Integer charterVersion) {
    }

    record YourOrganisation(boolean member, boolean accepted) {
    }

    record CommunitySummaryView(UUID id, String name, String purpose, int charterVersion, int memberCount,
                                @Schema(description = "Whether the caller's organisation is a member and has accepted the current charter")
                                YourOrganisation yourOrganisation) {
        static CommunitySummaryView of(CommunitySummary s) {
            Community c = s.community();
            return new CommunitySummaryView(c.id(), c.name(), c.purpose(), c.charterVersion(), s.memberCount(),
                    new YourOrganisation(s.yourState() != MembershipState.NONE, s.yourState() == MembershipState.ACCEPTED));
        }
    }

    record MembershipView(UUID organisationId, String organisationName, Sector sector, Instant addedAt,
                          @Schema(description = "Whether the organisation has accepted the current charter version") boolean accepted,
                          @Schema(description = "The last charter version it accepted, if any") Integer acceptedVersion,
                          Instant acceptedAt,
                          @Schema(description = "Username of the administrator who accepted it") String acceptedBy) {
        static MembershipView of(Membership m) {
            return new MembershipView(m.organisationId(), m.organisationName(), m.sector(), m.addedAt(), m.accepted(),
                    m.acceptedVersion(), m.acceptedAt(), m.acceptedBy());
        }
    }

    record AdministratorView(UUID accountId, String username, UUID organisationId, String organisationName, Instant appointedAt) {
        static AdministratorView of(CommunityAdministrator a) {
            return new AdministratorView(a.accountId(), a.username(), a.organisationId(), a.organisationName(), a.appointedAt());
        }
    }

    record CommunityView(UUID id, String name, String purpose, Charter charter, int charterVersion, Instant charterChangedAt,
                         List<MembershipView> members, List<AdministratorView> administrators, Instant createdAt, Instant updatedAt) {
    }

    private CommunityView view(Community c) {
        return new CommunityView(c.id(), c.name(), c.purpose(), c.charter(), c.charterVersion(), c.charterChangedAt(),
                communities.members(c.id()).stream().map(MembershipView::of).toList(),
                communities.administrators(c.id()).stream().map(AdministratorView::of).toList(),
                c.createdAt(), c.updatedAt());
    }

    @PostMapping
    @Operation(summary = "Create a community (platform administrators, organisations' administrators)",
            description = "An organisation administrator's organisation becomes the first member, having accepted the charter, "
                    + "and they its first administrator.")
    ResponseEntity<CommunityView> create(Member me, @Valid @RequestBody CreateCommunityRequest request) {
        Community created = communities.create(me, new CommunityChanges(request.name(), request.purpose(), request.charter().charter()));
        return ResponseEntity.created(URI.create("/api/v1/communities/" + created.id())).body(view(created));
    }

    @GetMapping
    @Operation(summary = "All communities, with whether the caller's organisation is a member and has accepted the current charter")
    List<CommunitySummaryView> list(Member me) {
        return communities.all(me).stream().map(CommunitySummaryView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A community: its charter, member organisations with their acceptance, and administrators")
    CommunityView get(@PathVariable UUID id) {
        return view(communities.get(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a community; absent fields are left as they are (its administrators, platform administrators)",
            description = "A different charter is a new version: every member must accept it again before it takes part.")
    CommunityView update(Member me, @PathVariable UUID id, @Valid @RequestBody UpdateCommunityRequest request) {
        return view(communities.update(me, id, new CommunityChanges(request.name(), request.purpose(),
                request.charter() == null ? null : request.charter().charter())));
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "A community's member organisations, with their acceptance of the charter")
    List<MembershipView> members(@PathVariable UUID id) {
        return communities.members(id).stream().map(MembershipView::of).toList();
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member organisation (the community's administrators, platform administrators)",
            description = "It takes part once one of its administrators has accepted the charter.")
    ResponseEntity<MembershipView> addMember(Member me, @PathVariable UUID id, @Valid @RequestBody AddMemberRequest request) {
        Membership added = communities.addMember(me, id, request.organisationId());
        return ResponseEntity.created(URI.create("/api/v1/communities/" + id + "/members/" + added.organisationId()))
                .body(MembershipView.of(added));
    }

    @GetMapping("/{id}/members/{organisationId}")
    MembershipView member(@PathVariable UUID id, @PathVariable UUID organisationId) {
        return MembershipView.of(communities.member(id, organisationId));
    }

    @DeleteMapping("/{id}/members/{organisationId}")
    @Operation(summary = "Remove a member organisation; its accounts stop being administrators of the community")
    ResponseEntity<Void> removeMember(Member me, @PathVariable UUID id, @PathVariable UUID organisationId) {
        communities.removeMember(me, id, organisationId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/charter/accept")
    @Operation(summary = "Accept the current charter on behalf of the caller's organisation (its administrators)",
            description = "Answers the organisation's membership. Accepting again changes nothing. An organisation that is not a member: 403.")
    MembershipView accept(Member me, @PathVariable UUID id, @RequestBody(required = false) AcceptRequest request) {
        return MembershipView.of(communities.acceptCharter(me, id, request == null ? null : request.charterVersion()));
    }

    @GetMapping("/{id}/administrators")
    List<AdministratorView> administrators(@PathVariable UUID id) {
        return communities.administrators(id).stream().map(AdministratorView::of).toList();
    }

    @PostMapping("/{id}/administrators")
    @Operation(summary = "Appoint an administrator of the community: an account of a member organisation")
    ResponseEntity<AdministratorView> appoint(Member me, @PathVariable UUID id, @Valid @RequestBody AppointAdministratorRequest request) {
        CommunityAdministrator appointed = communities.appointAdministrator(me, id, request.accountId());
        return ResponseEntity.created(URI.create("/api/v1/communities/" + id + "/administrators/" + appointed.accountId()))
                .body(AdministratorView.of(appointed));
    }

    @GetMapping("/{id}/administrators/{accountId}")
    AdministratorView administrator(@PathVariable UUID id, @PathVariable UUID accountId) {
        return AdministratorView.of(communities.administrator(id, accountId));
    }

    @DeleteMapping("/{id}/administrators/{accountId}")
    @Operation(summary = "Withdraw an administrator of the community")
    ResponseEntity<Void> removeAdministrator(Member me, @PathVariable UUID id, @PathVariable UUID accountId) {
        communities.removeAdministrator(me, id, accountId);
        return ResponseEntity.noContent().build();
    }
}
