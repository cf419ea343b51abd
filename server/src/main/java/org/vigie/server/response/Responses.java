package org.vigie.server.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.response.ResponseMetrics;
import org.vigie.core.response.ResponseOption;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.alerts.AlertChannel;
import org.vigie.server.alerts.AlertOutbox;
import org.vigie.server.alerts.DirectAlerts;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Response boards: activation (which alerts level 1), reaching a level (also used by escalation),
 * the board's tasks, decision log, response options and communications, and the metrics. A board is
 * shown only to someone who may see its subject (read through the reports or campaigns module) and
 * whose organisation takes part in the protocol's community or who was alerted on it; anyone else
 * gets 404, as for the subject itself.
 */
@Service
public class Responses {

    static final String TARGET = "response-board";
    static final int MAX_TEXT = 10_000;
    static final int MAX_TITLE = 500;

    private final ResponseRepository repository;
    private final Protocols protocols;
    private final Subjects subjects;
    private final DirectAlerts alerts;
    private final Communities communities;
    private final Viewers viewers;
    private final DisarmFramework disarm;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final ProtocolRepository protocolRepository;
    private final Clock clock;

    Responses(ResponseRepository repository, Protocols protocols, Subjects subjects, DirectAlerts alerts, Communities communities,
              Viewers viewers, DisarmFramework disarm, AuditTrail audit, ObjectMapper json, ProtocolRepository protocolRepository, Clock clock) {
        this.repository = repository;
        this.protocols = protocols;
        this.subjects = subjects;
        this.alerts = alerts;
        this.communities = communities;
        this.viewers = viewers;
        this.disarm = disarm;
        this.audit = audit;
        this.json = json;
        this.protocolRepository = protocolRepository;
        this.clock = clock;
    }

    // ---- activation --------------------------------------------------------------------------------

    /** What the subject's box on a report or campaign page shows. */
    public record SubjectBox(Subject subject, List<Protocol> suggested, List<Protocol> activatable, List<Board> boards, boolean mayActivate) {
    }

    public SubjectBox box(Member member, String subjectId) {
        Subject subject = subjects.get(member, subjectId);
        List<Protocol> activatable = mayActivate(member) ? protocols.activatable(member) : List.of();
        List<Protocol> suggested = subject.facts() == null ? List.of()
                : activatable.stream().filter(p -> p.trigger().matches(subject.facts())).toList();
        List<Board> boards = repository.boardsAbout(subject.id()).stream().filter(b -> mayView(member, b)).toList();
        return new SubjectBox(subject, suggested, activatable, boards, mayActivate(member) && !activatable.isEmpty());
    }

    /** Analysts and administrators of an organisation activate protocols (viewers read, organisation-less administrators do not act). */
    static boolean mayActivate(Member member) {
        return Permissions.allows(member, Permission.KNOWLEDGE_SHARE);
    }

    /** What an activation did: the board, and the organisations of level 1 that could not be alerted. */
    public record Activation(Board board, int alerted, List<String> unreachableOrganisations) {
    }

    /**
     * Activates a protocol on a report or campaign the member may see: opens the board, copies level
     * 1's checklist as tasks and alerts level 1, all in one transaction with the outbox rows.
     */
    @Transactional
    public Activation activate(Member member, UUID protocolId, String subjectId) {
        if (protocolId == null) {
            throw new InvalidFieldException("protocolId", "response.activation.protocol.required", "Name the protocol to activate.");
        }
        if (subjectId == null || subjectId.isBlank()) {
            throw new InvalidFieldException("subjectId", "response.activation.subject.required", "Name the report or campaign.");
        }
        Subject subject = subjects.get(member, subjectId.strip());
        Protocol protocol = protocolRepository.find(protocolId)
                .orElseThrow(() -> new InvalidFieldException("protocolId", "response.activation.protocol.unknown", "No protocol " + protocolId + "."));
        if (!mayActivate(member) || !communities.activeCommunitiesOf(member.organisationId()).contains(protocol.communityId())) {
            throw new ForbiddenException("Only analysts and administrators of organisations taking part in the protocol's community activate it.");
        }
        if (!protocol.active()) {
            throw new InvalidFieldException("protocolId", "response.activation.protocol.inactive", "This protocol has been deactivated.");
        }
        repository.openBoard(protocolId, subject.id()).ifPresent(open -> {
            throw new ConflictException("protocolId", "response.activation.open",
                    "This protocol is already active on this subject: board " + open + ".");
        });
        Instant now = clock.instant();
        ObjectNode snapshot = json.createObjectNode();
        snapshot.put("name", protocol.name());
        snapshot.put("description", protocol.description());
        snapshot.set("levels", protocolRepository.levelsJson(protocol.levels()));
        Board board = new Board(UUID.randomUUID(), protocol.id(), protocol.communityId(), protocol, subject.id(), subject.type(),
                member.accountId(), now, 1, now.plus(protocol.level(1).acknowledgeWithin()), true);
        repository.insertBoard(board, snapshot);
        repository.append(board.id(), now, "ACTIVATED", member.accountId(), member.organisationId(), protocol.name(), null);
        audit.record(AuditEvent.of("response.activated", TARGET, board.id()).with("protocolId", protocol.id())
                .with("protocol", protocol.name()).with("subject", subject.id()));
        Reached reached = reach(board, 1, "ACTIVATION", now);
        return new Activation(board, reached.alerted(), reached.unreachable());
    }

    record Reached(int alerted, List<String> unreachable) {
    }

    /**
     * Reaches a level: one in-app and (with an address) one e-mail notification per person of the
     * level's organisations with the level's roles WHO MAY SEE THE SUBJECT as stored now, written to
     * the outbox in the caller's transaction; the level's checklist becomes tasks; the board's
     * deadline moves to this level's. Organisations with nobody alerted are recorded as unreachable:
     * the board says so, and sharing the subject with them is its owner's decision (ADR 0009).
     */
    Reached reach(Board board, int level, String reason, Instant now) {
        Protocol.Level l = board.protocol().level(level);
        ResponseRepository.StoredSubject stored = repository.storedSubject(board.subjectId())
                .orElseThrow(() -> new NotFoundException("report or campaign", board.subjectId()));
        UUID event = UUID.nameUUIDFromBytes(("protocol-alert:" + board.id() + ":" + level).getBytes(StandardCharsets.UTF_8));
        Instant due = now.plus(l.acknowledgeWithin());
        Set<UUID> alertedOrganisations = new HashSet<>();
        List<ResponseRepository.Recipient> people = repository.people(l.organisations(), l.roles());
        List<Runnable> alertRows = new ArrayList<>();
        Map<UUID, Set<UUID>> communitiesOf = new LinkedHashMap<>();
        for (ResponseRepository.Recipient person : people) {
            Set<UUID> active = communitiesOf.computeIfAbsent(person.organisation(), communities::activeCommunitiesOf);
            if (!VisibilityPolicy.maySee(new Viewer(person.account(), person.organisation(), active), stored.sharing())) {
                continue; // never more than the recipient may see
            }
            UUID inApp = alerts.queue(event, person.account(), AlertChannel.IN_APP, board.subjectId(), stored.modified(),
                    stored.sharing().tlp(), payload(board, level, l, stored, event, AlertChannel.IN_APP), now);
            if (person.email() != null && !person.email().isBlank()) {
                alerts.queue(event, person.account(), AlertChannel.EMAIL, board.subjectId(), stored.modified(), stored.sharing().tlp(),
                        payload(board, level, l, stored, event, AlertChannel.EMAIL), now);
            }
            alertedOrganisations.add(person.organisation());
            alertRows.add(() -> repository.insertAlert(board.id(), level, person.account(), person.organisation(), event, inApp, now));
        }
        Set<UUID> unreachable = new LinkedHashSet<>(l.organisations());
        unreachable.removeAll(alertedOrganisations);
        repository.insertLevel(board.id(), level, now, reason, due, unreachable);
        alertRows.forEach(Runnable::run);
        repository.setLevel(board.id(), level, due);
        for (String step : l.checklist()) {
            repository.insertTask(UUID.randomUUID(), board.id(), level, step, null, null, now);
        }
        Map<UUID, String> names = repository.organisationNames(unreachable);
        List<String> unreachableNames = unreachable.stream().map(id -> names.getOrDefault(id, id.toString())).toList();
        ObjectNode data = json.createObjectNode().put("level", level).put("alerted", alertRows.size());
        unreachableNames.forEach(n -> data.withArray("unreachable").add(n));
        repository.append(board.id(), now, "LEVEL_REACHED", null, null, l.name(), data);
        audit.record(AuditEvent.of("response.level-reached", TARGET, board.id()).with("level", level).with("reason", reason)
                .with("alerted", alertRows.size()).with("unreachableOrganisations", unreachable.stream().map(UUID::toString).toList())
                .with("dueAt", due.toString()));
        return new Reached(alertRows.size(), unreachableNames);
    }

    /**
     * The alert's payload. Its kind is "protocol-alert"; the link opens the board. The headline names
     * the protocol and level, not the subject; the subject's title goes in-app (the centre hides it
     * for AMBER+STRICT and RED) and into e-mails only below AMBER+STRICT.
     */
    private ObjectNode payload(Board board, int level, Protocol.Level l, ResponseRepository.StoredSubject stored, UUID event,
                               AlertChannel channel) {
        String headline = board.protocol().name() + " — level " + level + ": " + l.name();
        ObjectNode p = json.createObjectNode();
        p.put("event", event.toString());
        p.put("kind", "protocol-alert");
        p.put("subject", board.subjectId());
        p.put("modified", stored.modified().toString());
        p.put("tlp", stored.sharing().tlp().name());
        p.put("link", "/response/boards/" + board.id());
        p.put("board", board.id().toString());
        p.put("protocol", board.protocolId().toString());
        p.put("level", level);
        p.put("headline", headline);
        p.put("subscriptionName", headline);
        p.put("acknowledgeWithin", l.acknowledgeWithin().toString());
        if (channel == AlertChannel.IN_APP || !AlertOutbox.restricted(stored.sharing().tlp())) {
            p.put("title", stored.name() == null ? "" : stored.name());
        }
        return p;
    }

    // ---- reading boards ----------------------------------------------------------------------------

    /** Whether the member may see this board: they may see its subject and take part in its community, or were alerted on it. */
    boolean mayView(Member member, Board board) {
        try {
            subjects.get(member, board.subjectId());
        } catch (NotFoundException e) {
            return false;
        }
        return communities.activeCommunitiesOf(member.organisationId()).contains(board.communityId())
                || repository.wasAlerted(board.id(), member.accountId());
    }

    /** Everything the board page shows. */
    public record BoardView(Board board, Subject subject, List<BoardParts.LevelReached> levels, List<BoardParts.Task> tasks,
                            List<BoardParts.Entry> entries, List<DisarmFramework.Countermeasure> countermeasures,
                            List<ResponseOption> options, List<BoardParts.Person> people, Map<String, ResponseMetrics.Figures> metrics,
                            boolean mayAct, List<UUID> myUnacknowledged) {

        public List<BoardParts.Entry> decisions() {
            return entries.stream().filter(e -> e.kind().equals("DECISION") || e.kind().equals("OPTION_CHOSEN")).toList();
        }

        public List<BoardParts.Entry> communications() {
            return entries.stream().filter(e -> e.kind().equals("COMMUNICATION")).toList();
        }
    }

    public BoardView board(Member member, UUID id) {
        Board board = repository.board(id).orElseThrow(() -> new NotFoundException("response board", id));
        Subject subject;
        try {
            subject = subjects.get(member, board.subjectId());
        } catch (NotFoundException e) {
            throw new NotFoundException("response board", id);
        }
        if (!communities.activeCommunitiesOf(member.organisationId()).contains(board.communityId())
                && !repository.wasAlerted(id, member.accountId())) {
            throw new NotFoundException("response board", id);
        }
        List<ResponseRepository.AlertRow> alertRows = repository.alerts(id);
        List<BoardParts.LevelReached> levels = new ArrayList<>();
        for (ResponseRepository.LevelRow row : repository.levels(id)) {
            Map<UUID, String> names = repository.organisationNames(row.unreachable());
            levels.add(new BoardParts.LevelReached(row.level(), board.protocol().level(row.level()).name(), row.reachedAt(), row.reason(),
                    row.dueAt(), row.unreachable().stream().map(u -> names.getOrDefault(u, u.toString())).toList(),
                    alertRows.stream().filter(a -> a.level() == row.level()).map(ResponseRepository.AlertRow::alerted).toList()));
        }
        Map<UUID, BoardParts.Person> people = new LinkedHashMap<>();
        alertRows.forEach(a -> people.putIfAbsent(a.alerted().accountId(), new BoardParts.Person(a.alerted().accountId(), a.alerted().person(),
                a.alerted().organisationId(), a.alerted().organisation())));
        Map<String, ResponseMetrics.Figures> metrics = new LinkedHashMap<>();
        ResponseMetrics.byGroup(repository.reaches(List.of(id)).stream()
                        .map(r -> new ResponseMetrics.Reach(r.organisation(), r.reach().alertedAt(), r.reach().acknowledgedAt(), r.reach().firstActionAt()))
                        .toList(), ResponseMetrics.Reach::group)
                .forEach((k, v) -> metrics.put((String) k, v));
        List<UUID> mine = alertRows.stream().map(ResponseRepository.AlertRow::alerted)
                .filter(a -> a.accountId().equals(member.accountId()) && a.acknowledgedAt() == null).map(BoardParts.Alerted::notificationId).toList();
        return new BoardView(board, subject, levels, repository.tasks(id), repository.entries(id), countermeasures(subject.disarmTechniques()),
                List.of(ResponseOption.values()), List.copyOf(people.values()), metrics, board.open() && mayActivate(member), mine);
    }

    /** The DISARM countermeasures against the tactics of the subject's techniques, as suggestions. */
    List<DisarmFramework.Countermeasure> countermeasures(List<String> techniques) {
        Set<String> tactics = new LinkedHashSet<>();
        for (String t : techniques) {
            disarm.technique(t).ifPresent(technique -> tactics.addAll(technique.tacticIds()));
        }
        List<DisarmFramework.Countermeasure> found = new ArrayList<>();
        tactics.forEach(tactic -> found.addAll(disarm.countermeasures(tactic)));
        return found;
    }

    /** The boards the member may see, newest first. */
    public List<Board> boards(Member member) {
        return repository.visibleBoards(viewers.of(member), 200);
    }

    /** The dashboard's figures over the boards the member may see: per organisation and per protocol. */
    public record Dashboard(List<Board> boards, Map<String, ResponseMetrics.Figures> byOrganisation,
                            Map<String, ResponseMetrics.Figures> byProtocol) {
    }

    public Dashboard dashboard(Member member) {
        List<Board> boards = boards(member);
        List<ResponseRepository.ReachRow> rows = repository.reaches(boards.stream().map(Board::id).toList());
        Map<String, ResponseMetrics.Figures> byOrganisation = new LinkedHashMap<>();
        ResponseMetrics.byGroup(rows.stream().map(r -> new ResponseMetrics.Reach(r.organisation(), r.reach().alertedAt(),
                r.reach().acknowledgedAt(), r.reach().firstActionAt())).toList(), ResponseMetrics.Reach::group)
                .forEach((k, v) -> byOrganisation.put((String) k, v));
        Map<String, ResponseMetrics.Figures> byProtocol = new LinkedHashMap<>();
        ResponseMetrics.byGroup(rows.stream().map(r -> new ResponseMetrics.Reach(r.protocol(), r.reach().alertedAt(),
                r.reach().acknowledgedAt(), r.reach().firstActionAt())).toList(), ResponseMetrics.Reach::group)
                .forEach((k, v) -> byProtocol.put((String) k, v));
        return new Dashboard(boards, byOrganisation, byProtocol);
    }

    // ---- acting on a board -------------------------------------------------------------------------

    private Board actable(Member member, UUID id) {
        BoardView view = board(member, id); // 404 for who may not see it
        if (!mayActivate(member)) {
            throw new ForbiddenException("Only analysts and administrators act on a response board.");
        }
        if (!view.board().open()) {
            throw new ConflictException("board", "response.board.closed.error", "This response board is closed.");
        }
        return view.board();
    }

    @Transactional
    public UUID addTask(Member member, UUID boardId, String title, UUID owner, Instant dueAt) {
        Board board = actable(member, boardId);
        String t = text(title, "title", MAX_TITLE, "response.task.title.required");
        checkOwner(board, owner);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        repository.insertTask(id, boardId, null, t, owner, dueAt, now);
        log(member, board, now, "TASK_ADDED", t, json.createObjectNode().put("task", id.toString()).put("owner", String.valueOf(owner))
                .put("dueAt", String.valueOf(dueAt)));
        return id;
    }

    @Transactional
    public void assignTask(Member member, UUID boardId, UUID taskId, UUID owner, Instant dueAt) {
        Board board = actable(member, boardId);
        checkOwner(board, owner);
        BoardParts.Task task = repository.task(boardId, taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        repository.assignTask(boardId, taskId, owner, dueAt);
        log(member, board, clock.instant(), "TASK_ASSIGNED", task.title(), json.createObjectNode().put("task", taskId.toString())
                .put("owner", String.valueOf(owner)).put("dueAt", String.valueOf(dueAt)));
    }

    @Transactional
    public void completeTask(Member member, UUID boardId, UUID taskId) {
        Board board = actable(member, boardId);
        BoardParts.Task task = repository.task(boardId, taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        Instant now = clock.instant();
        if (repository.completeTask(boardId, taskId, member.accountId(), now)) {
            log(member, board, now, "TASK_COMPLETED", task.title(), json.createObjectNode().put("task", taskId.toString()));
        }
    }

    @Transactional
    public void decide(Member member, UUID boardId, String text) {
        Board board = actable(member, boardId);
        log(member, board, clock.instant(), "DECISION", text(text, "text", MAX_TEXT, "response.decision.text.required"), null);
    }

    @Transactional
    public void chooseOption(Member member, UUID boardId, String option, String rationale) {
        Board board = actable(member, boardId);
        ResponseOption chosen;
        try {
            chosen = ResponseOption.valueOf((option == null ? "" : option.strip()).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("option", "response.option.unknown",
                    "'" + option + "' is not one of PRIVATE_NOTICE_TO_TARGET, COORDINATED_NOTICE_TO_PLATFORMS, PUBLIC_ADVISORY.");
        }
        String why = rationale == null ? "" : rationale.strip();
        if (why.length() > MAX_TEXT) {
            throw new InvalidFieldException("rationale", "response.text.tooLong", "At most " + MAX_TEXT + " characters.");
        }
        log(member, board, clock.instant(), "OPTION_CHOSEN", why, json.createObjectNode().put("option", chosen.name()).put("grade", chosen.grade()));
    }

    /** Records a countermeasure chosen from the DISARM suggestions (or any DISARM countermeasure id). */
    @Transactional
    public void chooseCountermeasure(Member member, UUID boardId, String countermeasure, String rationale) {
        Board board = actable(member, boardId);
        DisarmFramework.Countermeasure c = disarm.countermeasures().stream().filter(x -> x.id().equalsIgnoreCase(String.valueOf(countermeasure).strip()))
                .findFirst().orElseThrow(() -> new InvalidFieldException("countermeasure", "response.countermeasure.unknown",
                        "Unknown DISARM countermeasure '" + countermeasure + "'."));
        String why = rationale == null ? "" : rationale.strip();
        log(member, board, clock.instant(), "OPTION_CHOSEN", why, json.createObjectNode().put("countermeasure", c.id()).put("name", c.name()));
    }

    /** Records a communication sent: to whom, by which means, what it said. */
    @Transactional
    public void communicate(Member member, UUID boardId, String recipients, String channel, String summary) {
        Board board = actable(member, boardId);
        String to = text(recipients, "recipients", 1000, "response.communication.recipients.required");
        String what = text(summary, "summary", MAX_TEXT, "response.communication.summary.required");
        String by = channel == null ? "" : channel.strip();
        log(member, board, clock.instant(), "COMMUNICATION", what, json.createObjectNode().put("recipients", to).put("channel", by));
    }

    @Transactional
    public void close(Member member, UUID boardId, String text) {
        Board board = actable(member, boardId);
        Instant now = clock.instant();
        repository.close(boardId, member.accountId(), now);
        log(member, board, now, "CLOSED", text == null ? "" : text.strip(), null);
    }

    private void log(Member member, Board board, Instant at, String kind, String text, ObjectNode data) {
        repository.append(board.id(), at, kind, member.accountId(), member.organisationId(), text, data);
        AuditEvent event = AuditEvent.of("response." + kind.toLowerCase(Locale.ROOT).replace('_', '-'), TARGET, board.id()).with("text", text);
        if (data != null) {
            event = event.with("data", data.toString());
        }
        audit.record(event);
    }

    /** A task's owner must be a person who may see the subject (a task never tells more than that). */
    private void checkOwner(Board board, UUID owner) {
        if (owner == null) {
            return;
        }
        ResponseRepository.Recipient person = repository.person(owner)
                .orElseThrow(() -> new InvalidFieldException("ownerAccountId", "response.task.owner.unknown", "No active account " + owner + "."));
        ResponseRepository.StoredSubject stored = repository.storedSubject(board.subjectId()).orElseThrow();
        if (!VisibilityPolicy.maySee(new Viewer(person.account(), person.organisation(), communities.activeCommunitiesOf(person.organisation())),
                stored.sharing())) {
            throw new InvalidFieldException("ownerAccountId", "response.task.owner.cannotSee",
                    "This person may not see the report or campaign: they cannot own one of its tasks.");
        }
    }

    private static String text(String value, String field, int max, String requiredKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidFieldException(field, requiredKey, "The " + field + " is required.");
        }
        if (v.length() > max) {
            throw new InvalidFieldException(field, "response.text.tooLong", "The " + field + " is too long (" + max + " characters at most).");
        }
        return v;
    }
}
