package org.vigie.server.panelreview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The summary and the index of referrals, computed from the entries in one pass. The decision that
 * stands for a referral is its latest (corrections included); time from referral to decision is
 * measured to its first decision, time from decision to publication from the decision a statement
 * announces to the statement's publication.
 */
record DossierSummary(Dossier.Summary summary, List<Dossier.ReferralLine> referrals) {

    private static final class Referral {
        UUID id;
        String title;
        String kind;
        Instant referredAt;
        Instant firstDecision;
        DossierEvent.Decision standing;
        Instant standingAt;
        Instant published;
        boolean withdrawn;
    }

    static DossierSummary of(List<DossierEvent> events) {
        Map<UUID, Referral> referrals = new LinkedHashMap<>();
        Map<UUID, Instant> decisionTimes = new HashMap<>();
        List<Long> toDecision = new ArrayList<>();
        List<Long> toPublication = new ArrayList<>();
        int recusals = 0, assessments = 0, decisions = 0, corrections = 0, versions = 0, approvals = 0, targetNotices = 0,
                preAnnouncements = 0, delivered = 0, notDelivered = 0, publications = 0, statementCorrections = 0;
        for (DossierEvent e : events) {
            Referral r = referrals.computeIfAbsent(e.referralId(), id -> {
                Referral fresh = new Referral();
                fresh.id = id;
                fresh.title = e.referralTitle();
                return fresh;
            });
            DossierEvent.Detail detail = e.detail();
            if (detail instanceof DossierEvent.Referral referral) {
                r.kind = referral.kind();
                r.referredAt = e.at();
            } else if (detail instanceof DossierEvent.ReferralWithdrawn) {
                r.withdrawn = true;
            } else if (detail instanceof DossierEvent.Recusal) {
                recusals++;
            } else if (detail instanceof DossierEvent.Assessment) {
                assessments++;
            } else if (detail instanceof DossierEvent.Decision d) {
                if (d.correction()) {
                    corrections++;
                } else {
                    decisions++;
                }
                if (d.id() != null) {
                    decisionTimes.put(d.id(), e.at());
                }
                if (r.firstDecision == null) {
                    r.firstDecision = e.at();
                    if (r.referredAt != null) {
                        toDecision.add(Duration.between(r.referredAt, e.at()).toSeconds());
                    }
                }
                r.standing = d;
                r.standingAt = e.at();
            } else if (detail instanceof DossierEvent.StatementVersion) {
                versions++;
            } else if (detail instanceof DossierEvent.StatementApproval) {
                approvals++;
            } else if (detail instanceof DossierEvent.Notice n) {
                if ("TARGET".equals(n.kind())) {
                    targetNotices++;
                } else {
                    preAnnouncements++;
                }
                if ("DELIVERED".equals(n.deliveryStatus())) {
                    delivered++;
                } else {
                    notDelivered++;
                }
            } else if (detail instanceof DossierEvent.Publication p) {
                publications++;
                r.published = e.at();
                Instant decided = p.decisionId() == null ? null : decisionTimes.get(p.decisionId());
                if (decided != null) {
                    toPublication.add(Duration.between(decided, e.at()).toSeconds());
                }
            } else if (detail instanceof DossierEvent.StatementCorrection) {
                statementCorrections++;
            }
        }
        int announcements = 0, noAnnouncements = 0, undecided = 0, withdrawn = 0, dissenting = 0;
        List<Dossier.ReferralLine> lines = new ArrayList<>();
        for (Referral r : referrals.values()) {
            if (r.withdrawn) {
                withdrawn++;
            } else if (r.standing == null) {
                undecided++;
            } else if ("PUBLIC_ANNOUNCEMENT".equals(r.standing.outcome())) {
                announcements++;
            } else {
                noAnnouncements++;
            }
            if (r.standing != null) {
                dissenting += r.standing.dissent().size();
            }
            lines.add(new Dossier.ReferralLine(r.id, r.title, r.kind, time(r.referredAt), r.standing == null ? null : r.standing.outcome(),
                    time(r.standingAt), time(r.published), r.withdrawn));
        }
        Dossier.Summary summary = new Dossier.Summary(referrals.size(), withdrawn, undecided, recusals, assessments, decisions, corrections,
                announcements, noAnnouncements, dissenting, versions, approvals, targetNotices, preAnnouncements, delivered, notDelivered,
                publications, statementCorrections, stats(toDecision), stats(toPublication));
        return new DossierSummary(summary, List.copyOf(lines));
    }

    private static String time(Instant at) {
        return at == null ? null : DossierEvent.UTC.format(at);
    }

    static Dossier.DurationStats stats(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return new Dossier.DurationStats(0, null, null);
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Dossier.DurationStats(n, new Dossier.Elapsed(median), new Dossier.Elapsed(sorted.get(n - 1)));
    }
}
