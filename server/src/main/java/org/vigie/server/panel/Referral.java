package org.vigie.server.panel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral to a panel: its subjects (ids only: their content is read through the visibility policy
 * of whoever looks), the analyst's title and cover note, and who does not take part in it.
 */
public record Referral(UUID id, UUID panelId, Kind kind, String title, String coverNote, UUID referredBy, String referredByName,
                       UUID referredByOrganisation, Instant referredAt, Status status, Instant closedAt, List<SubjectRef> subjects,
                       List<Recusal> recusals) {

    public enum Kind { REPORT, CAMPAIGN, ACCUMULATION }

    public enum Status { OPEN, DECIDED, WITHDRAWN }

    /** A subject as stored: a report ("incident--...") or a campaign ("campaign--..."). */
    public record SubjectRef(String id, String type) {

        public String link() {
            return ("report".equals(type) ? "/reports/" : "/campaigns/") + id;
        }
    }

    public Referral {
        subjects = List.copyOf(subjects);
        recusals = List.copyOf(recusals);
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    public boolean recused(UUID account) {
        return recusals.stream().anyMatch(r -> r.accountId().equals(account));
    }

    /** How long it has waited (until now if open, until it was closed otherwise). */
    public Duration age(Instant now) {
        return Duration.between(referredAt, closedAt != null ? closedAt : now);
    }
}
