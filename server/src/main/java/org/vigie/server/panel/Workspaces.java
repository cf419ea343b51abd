package org.vigie.server.panel;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Outcome;
import org.vigie.core.panel.Position;
import org.vigie.core.panel.Tally;

/**
 * Everything a member sees of one referral, for the workspace page, the decision page and the API:
 * the referral and its recusals, each subject through the member's own visibility, every member's
 * latest assessment, the rule applied now, and the decisions with their corrections. Built only for a
 * current member of the panel (404 otherwise).
 */
@Service
public class Workspaces {

    private final Referrals referrals;
    private final Assessments assessments;
    private final Decisions decisions;
    private final Panels panels;
    private final PanelRepository repository;
    private final Clock clock;

    Workspaces(Referrals referrals, Assessments assessments, Decisions decisions, Panels panels, PanelRepository repository, Clock clock) {
        this.referrals = referrals;
        this.assessments = assessments;
        this.decisions = decisions;
        this.panels = panels;
        this.repository = repository;
        this.clock = clock;
    }

    /** The rule applied now: decided or why not, who counted and who dissents. */
    public record TallyView(String rule, Integer quorum, int eligible, Map<UUID, Position> counted, Outcome outcome, String pendingReason,
                            List<UUID> dissenters, List<UUID> waitingFor) {

        static TallyView of(Tally tally, Set<UUID> eligibleMembers) {
            List<UUID> waiting = eligibleMembers.stream().filter(m -> !tally.counted().containsKey(m)).sorted().toList();
            return new TallyView(tally.rule().kind().name(), tally.rule().quorum(), tally.eligible(), tally.counted(), tally.outcome(),
                    tally.pendingReason(), tally.dissenters(), waiting);
        }
    }

    /**
     * @param names        usernames of everyone the page names (members, recorders, dissenters)
     * @param mine         the viewing member's latest assessment, or null
     */
    public record Workspace(Panel panel, Referral referral, long ageSeconds, List<SubjectView> subjects, List<Assessment> assessments,
                            Assessment mine, TallyView tally, List<Decision> decisions, Decision standing, List<PanelMember> members,
                            Map<UUID, String> names, boolean recused, boolean mayAssess, boolean mayDecide, boolean mayCorrect,
                            boolean mayRecuse, boolean mayWithdraw) {
    }

    public Workspace workspace(Member reader, UUID referralId) {
        Referral referral = referrals.get(reader, referralId);
        Panel panel = panels.get(referral.panelId());
        List<SubjectView> subjects = referrals.subjects(reader, referralId);
        List<Assessment> latest = assessments.latest(reader, referralId);
        Assessment mine = latest.stream().filter(a -> a.accountId().equals(reader.accountId())).findFirst().orElse(null);
        List<PanelMember> members = panels.currentMembers(panel.id());
        Set<UUID> eligible = new HashSet<>();
        members.stream().filter(m -> !referral.recused(m.accountId())).forEach(m -> eligible.add(m.accountId()));
        TallyView tally = TallyView.of(decisions.tally(reader, referralId), eligible);
        List<Decision> history = decisions.history(reader, referralId);
        Decision standing = decisions.latest(referralId).orElse(null);
        Set<UUID> named = new HashSet<>();
        members.forEach(m -> named.add(m.accountId()));
        referral.recusals().forEach(r -> named.add(r.accountId()));
        latest.forEach(a -> named.add(a.accountId()));
        history.forEach(d -> {
            named.add(d.recordedBy());
            named.addAll(d.positions().keySet());
            named.addAll(d.recused());
        });
        Map<UUID, String> names = new LinkedHashMap<>(repository.usernames(named));
        boolean recused = referral.recused(reader.accountId());
        boolean open = referral.open();
        return new Workspace(panel, referral, referral.age(clock.instant()).toSeconds(), subjects, latest, mine, tally, history, standing,
                members, names, recused, open && !recused, open && !recused && tally.outcome() != null,
                referral.status() == Referral.Status.DECIDED && !recused, referral.status() != Referral.Status.WITHDRAWN && !recused,
                open && members.stream().anyMatch(m -> m.accountId().equals(reader.accountId()) && m.role() == PanelMember.Role.CHAIR));
    }
}
