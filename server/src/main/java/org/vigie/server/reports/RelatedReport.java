package org.vigie.server.reports;

import java.time.Instant;
import java.util.List;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;

/**
 * A report that shares something with another: what it shares, and a score that weighs observables
 * and actors above narratives, and narratives above techniques (a technique is shared by many
 * unrelated operations).
 */
public record RelatedReport(String id, String title, Instant occurred, Outcome outcome, Tlp tlp, double score, List<SharedKey> shared) {

    /** One value both reports carry: its kind ("url", "domain", "actor", "narrative", "disarm", …) and value. */
    public record SharedKey(String kind, String value) {
    }
}
