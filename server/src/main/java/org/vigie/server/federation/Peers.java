package org.vigie.server.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.organisations.OrganisationChanges;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.secrets.SecretBox;
import org.vigie.server.sharing.Communities;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Registering, changing and removing peer hubs: platform administrators only, every change audited
 * (never the token, only that it was set). Registering a peer creates (or links) the local
 * organisation that stands for it, so that what it sends is owned, audited and shown as the peer's.
 */
@Service
public class Peers {

    private final PeerRepository repository;
    private final SecretBox secrets;
    private final Organisations organisations;
    private final Communities communities;
    private final AuditTrail audit;
    private final Clock clock;

    Peers(PeerRepository repository, SecretBox secrets, Organisations organisations, Communities communities, AuditTrail audit,
          Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.organisations = organisations;
        this.communities = communities;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Peer> all(Member actor) {
        require(actor);
        return repository.all();
    }

    public Peer get(Member actor, UUID id) {
        require(actor);
        return repository.find(id).orElseThrow(() -> new NotFoundException("peer", id));
    }

    @Transactional
    public Peer register(Member actor, PeerChanges request) {
        require(actor);
        String name = required(request.name(), "name", "federation.peer.name.required", "A peer needs a name.");
        ensureNameFree(name, null);
        if (request.token() == null || request.token().isBlank()) {
            throw new InvalidFieldException("token", "federation.peer.token.required", "The peer's API token is required.");
        }
        UUID organisation = request.organisationId();
        if (organisation == null) {
            String country = required(request.organisationCountry(), "organisationCountry", "federation.peer.country.required",
                    "Give the country of the organisation that will stand for the peer, or link an existing organisation.");
            organisation = organisations.create(actor, new OrganisationChanges(name,
                    request.organisationSector() == null ? Sector.INTERNATIONAL_ORGANISATION : request.organisationSector(),
                    country, "Peer hub (federation): owns what this hub receives from " + name + ".")).id();
        } else if (organisations.find(organisation).isEmpty()) {
            throw new InvalidFieldException("organisationId", "federation.peer.organisation.unknown", "No organisation with id " + organisation + ".");
        }
        Instant now = clock.instant();
        Peer peer = validated(new Peer(UUID.randomUUID(), name, trim(request.discoveryUrl()), trim(request.apiRoot()),
                trim(request.collectionId()), request.authScheme() == null ? AuthScheme.BEARER : request.authScheme(),
                trim(request.username()) == null ? "" : trim(request.username()), organisation, request.communityId(),
                maxTlp(request.maxTlp(), Tlp.GREEN), request.pullIntervalMinutes() == null ? 60 : request.pullIntervalMinutes(),
                request.enabled() == null || request.enabled(), null, request.pushCommunityId(), blankToNull(request.pushCollectionId()),
                null, now, now));
        repository.insert(peer, secrets.encrypt(request.token().trim(), peer.id().toString()));
        audit.record(AuditEvent.of("federation.peer-registered", "peer", peer.id()).with("name", peer.name())
                .with("apiRoot", peer.apiRoot()).with("collection", peer.collectionId()).with("organisation", organisation)
                .with("community", peer.communityId()).with("maxTlp", peer.maxTlp().name())
                .with("pullIntervalMinutes", peer.pullIntervalMinutes()).with("enabled", peer.enabled()).with("token", "set"));
        return peer;
    }

    @Transactional
    public Peer update(Member actor, UUID id, PeerChanges changes) {
        Peer current = get(actor, id);
        if (changes.name() != null) {
            ensureNameFree(changes.name().trim(), id);
        }
        Peer changed = validated(new Peer(id, or(trim(changes.name()), current.name()), or(trim(changes.discoveryUrl()), current.discoveryUrl()),
                or(trim(changes.apiRoot()), current.apiRoot()), or(trim(changes.collectionId()), current.collectionId()),
                or(changes.authScheme(), current.authScheme()), changes.username() == null ? current.username() : changes.username().trim(),
                current.organisationId(), or(changes.communityId(), current.communityId()), maxTlp(changes.maxTlp(), current.maxTlp()),
                or(changes.pullIntervalMinutes(), current.pullIntervalMinutes()), or(changes.enabled(), current.enabled()),
                current.pullCursor(),
                changes.pushCollectionId() == null ? current.pushCommunityId() : changes.pushCommunityId(),
                changes.pushCollectionId() == null ? current.pushCollectionId() : blankToNull(changes.pushCollectionId()),
                current.pushCursor(), current.createdAt(), clock.instant()));
        repository.update(changed);
        List<String> fields = changedFields(current, changed);
        if (changes.token() != null && !changes.token().isBlank()) {
            repository.replaceToken(id, secrets.encrypt(changes.token().trim(), id.toString()));
            fields.add("token");
        }
        audit.record(AuditEvent.of("federation.peer-changed", "peer", id).with("name", changed.name()).with("fields", fields));
        return changed;
    }

    /** Removes the peer and its runs. What it sent stays, owned by its organisation, with its provenance. */
    @Transactional
    public void remove(Member actor, UUID id) {
        Peer peer = get(actor, id);
        repository.delete(id);
        audit.record(AuditEvent.of("federation.peer-removed", "peer", id).with("name", peer.name()));
    }

    /** The credentials to send to the peer (the token decrypted): for the TAXII client only. */
    TaxiiClient.Credentials credentials(Peer peer) {
        return new TaxiiClient.Credentials(peer.authScheme(), peer.username(),
                secrets.decrypt(repository.encryptedToken(peer.id()), peer.id().toString()));
    }

    /** Peers for the scheduler, which acts on the platform's own authority. */
    List<Peer> allForSchedule() {
        return repository.all();
    }

    java.util.Optional<Peer> find(UUID id) {
        return repository.find(id);
    }

    static void require(Member actor) {
        if (!Permissions.allows(actor, Permission.FEDERATION_MANAGE)) {
            throw new ForbiddenException("Only platform administrators manage peer hubs.");
        }
    }

    private Peer validated(Peer peer) {
        url(peer.discoveryUrl(), "discoveryUrl");
        url(peer.apiRoot(), "apiRoot");
        if (peer.collectionId() == null || peer.collectionId().isBlank() || peer.collectionId().length() > 200) {
            throw new InvalidFieldException("collectionId", "federation.peer.collection.required", "The id of the peer's collection to pull is required.");
        }
        if (peer.communityId() == null || communities.find(peer.communityId()).isEmpty()) {
            throw new InvalidFieldException("communityId", "federation.peer.community.unknown",
                    "Choose the local community incoming objects are shared into" + (peer.communityId() == null ? "." : ": no community " + peer.communityId() + "."));
        }
        if (peer.pullIntervalMinutes() < 1 || peer.pullIntervalMinutes() > 10080) {
            throw new InvalidFieldException("pullIntervalMinutes", "federation.peer.interval.invalid",
                    "The pull interval is between 1 minute and 7 days (10080 minutes).");
        }
        if ((peer.pushCommunityId() == null) != (peer.pushCollectionId() == null)) {
            throw new InvalidFieldException("pushCollectionId", "federation.peer.push.incomplete",
                    "To push, give both the local community whose feed is pushed and the peer's collection id.");
        }
        if (peer.pushCommunityId() != null && communities.find(peer.pushCommunityId()).isEmpty()) {
            throw new InvalidFieldException("pushCommunityId", "federation.peer.community.unknown", "No community " + peer.pushCommunityId() + ".");
        }
        return peer;
    }

    private static void url(String value, String field) {
        String problem = null;
        if (value == null || value.isBlank()) {
            problem = "is required";
        } else {
            try {
                URI uri = new URI(value);
                if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    problem = "must be an http:// or https:// address";
                } else if (uri.getUserInfo() != null) {
                    problem = "must not hold credentials (give the token in its own field)";
                }
            } catch (URISyntaxException e) {
                problem = "is not a valid address (" + e.getReason() + ")";
            }
        }
        if (problem != null) {
            throw new InvalidFieldException(field, "federation.peer.url.invalid", field + " " + problem + ".");
        }
    }

    static Tlp maxTlp(String given, Tlp otherwise) {
        if (given == null || given.isBlank()) {
            return otherwise;
        }
        Tlp tlp = Tlp.parse(given).orElseThrow(() -> new InvalidFieldException("maxTlp", "federation.peer.tlp.invalid",
                "'" + given + "' is not a TLP level; accepted are CLEAR, GREEN or AMBER."));
        if (tlp == Tlp.AMBER_STRICT || tlp == Tlp.RED) {
            throw new InvalidFieldException("maxTlp", "federation.peer.tlp.never",
                    tlp.label() + " is never accepted from a peer; the highest is TLP:AMBER.");
        }
        return tlp;
    }

    private void ensureNameFree(String name, UUID except) {
        if (repository.nameTaken(name, except)) {
            throw new org.vigie.server.web.ConflictException("name", "federation.peer.name.taken", "A peer named '" + name + "' already exists.");
        }
    }

    private static List<String> changedFields(Peer a, Peer b) {
        List<String> fields = new ArrayList<>();
        if (!a.name().equals(b.name())) fields.add("name");
        if (!a.discoveryUrl().equals(b.discoveryUrl())) fields.add("discoveryUrl");
        if (!a.apiRoot().equals(b.apiRoot())) fields.add("apiRoot");
        if (!a.collectionId().equals(b.collectionId())) fields.add("collectionId");
        if (a.authScheme() != b.authScheme()) fields.add("authScheme");
        if (!Objects.equals(a.username(), b.username())) fields.add("username");
        if (!a.communityId().equals(b.communityId())) fields.add("communityId");
        if (a.maxTlp() != b.maxTlp()) fields.add("maxTlp");
        if (a.pullIntervalMinutes() != b.pullIntervalMinutes()) fields.add("pullIntervalMinutes");
        if (a.enabled() != b.enabled()) fields.add("enabled");
        if (!Objects.equals(a.pushCommunityId(), b.pushCommunityId()) || !Objects.equals(a.pushCollectionId(), b.pushCollectionId())) fields.add("push");
        return fields;
    }

    private static String required(String value, String field, String key, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, key, message);
        }
        return value.trim();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
