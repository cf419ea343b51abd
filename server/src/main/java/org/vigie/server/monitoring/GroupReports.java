package org.vigie.server.monitoring;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.observables.Observable;
import org.vigie.core.observables.ObservableParser;
import org.vigie.core.observables.ObservableType;
import org.vigie.core.observables.SocialPlatform;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.reports.Report;
import org.vigie.server.reports.ReportDraft;
import org.vigie.server.reports.ReportObservable;
import org.vigie.server.reports.Reports;

/**
 * "Create a report from a group": a group of a run becomes an incident report, filed through the one path
 * of reports ({@link Reports#file}: rules, visibility, store, correlation, alerts). The group's accounts become
 * {@code social-account} observables ({@code platform:handle}, STIX {@code user-account}), its shared links
 * {@code url} observables, DISARM T0049 (flooding the information space) is suggested, and the summary cites
 * the run and the group. Accounts on a platform Vigie does not know, or whose id is not a handle, are left
 * out and listed, never guessed.
 */
@Service
public class GroupReports {

    /** DISARM T0049, flooding the information space: what a coordinated group pushing the same content does. */
    public static final String FLOODING = "T0049";
    /** Within {@code ReportRules.OBSERVABLES_MAX} (5,000), room kept for the links. */
    static final int MAX_ACCOUNTS = 4000;
    static final int MAX_LINKS = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MonitoringRuns runs;
    private final Reports reports;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ObservableParser parser = new ObservableParser();

    GroupReports(MonitoringRuns runs, Reports reports, AuditTrail audit, TransactionTemplate transactions) {
        this.runs = runs;
        this.reports = reports;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * What the report would hold: title, summary, observables, what was left out and why, the technique
     * suggested and the marking offered (the run's).
     *
     * @param platform the platform of accounts the dataset gives none for (a key or alias), or null
     */
    public record Proposal(MonitoringRun run, RunResults.Group group, String title, String summary, List<ReportObservable> accounts,
                           List<ReportObservable> links, List<String> leftOut, List<String> techniques, Tlp tlp, String platform) {
    }

    /** The analyst's choices on the confirm form or in the API; null fields take the proposal's. */
    public record Request(String title, String summary, Tlp tlp, Boolean suggestTechnique, String platform) {
    }

    public Proposal propose(Member member, UUID runId, int groupNumber, String platform) {
        MonitoringRun run = runs.get(member, runId);
        RunResults.Group group = runs.group(member, runId, groupNumber);
        List<RunResults.Account> members = runs.members(member, runId, groupNumber, MAX_ACCOUNTS);
        List<String> leftOut = new ArrayList<>();
        if (group.size() > members.size()) {
            leftOut.add((group.size() - members.size()) + " accounts past the first " + MAX_ACCOUNTS + " by score");
        }
        Optional<SocialPlatform> fallback = platform == null || platform.isBlank() ? Optional.empty() : SocialPlatform.named(platform);
        List<ReportObservable> accounts = new ArrayList<>();
        for (RunResults.Account account : members) {
            Optional<SocialPlatform> on = account.platform() == null ? fallback : SocialPlatform.named(account.platform());
            if (on.isEmpty()) {
                leftOut.add(account.accountId() + ": " + (account.platform() == null ? "no platform in the dataset"
                        : "platform '" + account.platform() + "' unknown"));
                continue;
            }
            observable(ObservableType.SOCIAL_ACCOUNT, on.get().key() + ":" + account.accountId())
                    .ifPresentOrElse(accounts::add, () -> leftOut.add(account.accountId() + ": not a " + on.get().key() + " handle"));
        }
        List<ReportObservable> links = new ArrayList<>();
        for (RunResults.TopObject object : group.topObjects()) {
            if (object.type().equals("co-link") && links.size() < MAX_LINKS) {
                observable(ObservableType.URL, object.value()).ifPresentOrElse(links::add, () -> leftOut.add(object.value() + ": not a URL"));
            }
        }
        return new Proposal(run, group, title(run, group), summary(run, group), distinct(accounts), distinct(links), leftOut,
                List.of(FLOODING), run.tlp(), fallback.map(SocialPlatform::key).orElse(null));
    }

    /** Files the report as the member, under the marking chosen; audited with the run and group it came from. */
    public Report file(Member member, UUID runId, int groupNumber, Request request) {
        Proposal proposal = propose(member, runId, groupNumber, request.platform());
        List<ReportObservable> observables = new ArrayList<>(proposal.accounts());
        observables.addAll(proposal.links());
        boolean technique = request.suggestTechnique() == null || request.suggestTechnique();
        ReportDraft draft = new ReportDraft(request.title() == null ? proposal.title() : request.title(),
                request.summary() == null ? proposal.summary() : request.summary(),
                proposal.group().firstSeen(), proposal.group().lastSeen(), null, null, Set.of(IncidentType.COORDINATED_INAUTHENTIC_BEHAVIOUR),
                Outcome.UNKNOWN, List.of(), technique ? proposal.techniques() : List.of(), List.of(), List.of(), List.of(), Map.of(), null, null,
                observables, List.of());
        Tlp tlp = request.tlp() == null ? proposal.tlp() : request.tlp();
        return transactions.execute(tx -> {
            Report report = reports.file(member, draft, List.of(), List.of(), new SharingRequest(tlp, null, null, null, null));
            audit.record(AuditEvent.of("monitoring.report.created", "monitoring-run", runId).with("group", groupNumber)
                    .with("report", report.id()).with("observables", observables.size()).with("tlp", tlp.name()));
            return report;
        });
    }

    private Optional<ReportObservable> observable(ObservableType type, String value) {
        ObservableParser.ParsedLine line = parser.parse(type, value);
        return line.observable().map((Observable o) -> new ReportObservable(o.type().key(), o.raw(), o.normalised()));
    }

    private static List<ReportObservable> distinct(List<ReportObservable> observables) {
        Set<String> seen = new LinkedHashSet<>();
        return observables.stream().filter(o -> seen.add(o.type() + "\u0000" + o.normalised())).toList();
    }

    static String title(MonitoringRun run, RunResults.Group group) {
        String platforms = group.platforms().isEmpty() ? "" : " on " + String.join(", ", group.platforms());
        String title = "Coordinated group of " + group.size() + " accounts" + platforms + " (" + run.sourceName() + ", group "
                + group.number() + ")";
        return title.length() <= 200 ? title : title.substring(0, 199) + "\u2026";
    }

    static String summary(MonitoringRun run, RunResults.Group group) {
        StringBuilder text = new StringBuilder();
        text.append("Vigie monitoring run ").append(run.id()).append(" on ").append(run.sourceName())
                .append(" found group ").append(group.number()).append(": ").append(group.size()).append(" accounts that acted together")
                .append(run.summary() == null ? "" : " within " + run.summary().windowSeconds() + " s")
                .append(", ").append(group.edges()).append(" links between them (density ")
                .append(String.format(java.util.Locale.ROOT, "%.2f", group.density())).append(")");
        if (group.firstSeen() != null && group.lastSeen() != null) {
            text.append(", shares from ").append(DAY.format(group.firstSeen())).append(" to ").append(DAY.format(group.lastSeen()));
        }
        text.append(".\n\n");
        if (!group.pairsByType().isEmpty()) {
            text.append("Co-actions: ").append(group.pairsByType().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))).append(".\n\n");
        }
        if (!group.topObjects().isEmpty()) {
            text.append("Most shared:\n\n");
            group.topObjects().stream().limit(10).forEach(o -> text.append("- ").append(o.type()).append(" `")
                    .append(o.value().replace("`", "'")).append("` (").append(o.accounts()).append(" accounts, ").append(o.shares())
                    .append(" shares)\n"));
            text.append('\n');
        }
        if (!group.evidence().isEmpty()) {
            text.append("Evidence posts (first ").append(Math.min(20, group.evidence().size())).append("): ")
                    .append(group.evidence().stream().limit(20).map(e -> e.postId() + " by " + e.accountId())
                            .collect(Collectors.joining(", "))).append(".\n");
        }
        String summary = text.toString();
        return summary.length() <= 20_000 ? summary : summary.substring(0, 19_990) + "\u2026";
    }
}
