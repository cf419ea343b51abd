package org.vigie.detect.synthetic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group-level precision and recall of detected groups against planted groups. The exact definition:
 *
 * <ul>
 *   <li>A detected group {@code D} (a set of account ids; empty sets are ignored, duplicates inside a group
 *       count once) <b>matches</b> the planted group {@code P} when both hold:
 *       <ol>
 *         <li>purity: {@code |D ∩ P| > 0.5 × |D|} — strictly more than half of D's members belong to P
 *             (organic accounts and members of other groups count against it), so D matches at most one P;</li>
 *         <li>coverage: {@code |D ∩ P| ≥ 0.5 × |P|} — D holds at least half of P's members.</li>
 *       </ol></li>
 *   <li>A detected group is a true positive when it matches a planted group.</li>
 *   <li>{@code precision = true-positive detected groups / detected groups} (1 when nothing is detected: no
 *       false claim).</li>
 *   <li>{@code recall = planted groups matched by at least one detected group / planted groups} (1 when
 *       nothing is planted).</li>
 * </ul>
 *
 * <p>{@link #accountPrecision()} is reported beside them: the share of accounts in detected groups that are
 * planted accounts (group-level precision counts one giant false component as a single false positive).
 *
 * <p>Consequences: a detected group merging two planted groups of equal size matches neither (purity
 * ≤ 0.5), which is what we want (one report would mix two operations); a planted group split in two exact
 * halves is matched by both halves (two true positives, one recalled group); a detected group that is a
 * planted group plus as many organic accounts as members fails purity.
 *
 * @param detected number of non-empty detected groups
 * @param truePositives detected groups matching a planted group
 * @param planted number of planted groups
 * @param recalled planted groups matched at least once
 * @param matches for each detected group (in input order, empty ones skipped) the planted group id it
 *        matches, or {@code null}
 * @param detectedAccounts distinct accounts in some detected group
 * @param plantedDetectedAccounts those of them that belong to some planted group
 */
public record GroupScore(int detected, int truePositives, int planted, int recalled, List<String> matches,
        int detectedAccounts, int plantedDetectedAccounts) {

    public static final double PURITY = 0.5;
    public static final double COVERAGE = 0.5;

    public GroupScore {
        matches = java.util.Collections.unmodifiableList(new ArrayList<>(matches));
    }

    /**
     * @param detectedGroups the detector's groups
     * @param plantedGroups planted group id → its members
     */
    public static GroupScore score(Collection<? extends Collection<String>> detectedGroups,
            Map<String, ? extends Collection<String>> plantedGroups) {
        Map<String, String> groupOf = new HashMap<>();
        Map<String, Integer> plantedSize = new HashMap<>();
        for (Map.Entry<String, ? extends Collection<String>> e : plantedGroups.entrySet()) {
            Set<String> members = new LinkedHashSet<>(e.getValue());
            plantedSize.put(e.getKey(), members.size());
            for (String m : members) {
                String previous = groupOf.put(m, e.getKey());
                if (previous != null && !previous.equals(e.getKey())) {
                    throw new IllegalArgumentException("account " + m + " planted in both " + previous + " and "
                            + e.getKey());
                }
            }
        }
        int detected = 0;
        int tp = 0;
        Set<String> recalled = new LinkedHashSet<>();
        List<String> matches = new ArrayList<>();
        Set<String> inDetected = new java.util.HashSet<>();
        for (Collection<String> group : detectedGroups) {
            Set<String> d = new LinkedHashSet<>(group);
            if (d.isEmpty()) {
                continue;
            }
            detected++;
            inDetected.addAll(d);
            Map<String, Integer> overlap = new HashMap<>();
            for (String a : d) {
                String g = groupOf.get(a);
                if (g != null) {
                    overlap.merge(g, 1, Integer::sum);
                }
            }
            String match = null;
            for (Map.Entry<String, Integer> e : overlap.entrySet()) {
                int common = e.getValue();
                if (common > PURITY * d.size() && common >= COVERAGE * plantedSize.get(e.getKey())) {
                    match = e.getKey();
                }
            }
            matches.add(match);
            if (match != null) {
                tp++;
                recalled.add(match);
            }
        }
        int plantedIn = (int) inDetected.stream().filter(groupOf::containsKey).count();
        return new GroupScore(detected, tp, plantedGroups.size(), recalled.size(), matches, inDetected.size(),
                plantedIn);
    }

    public double precision() {
        return detected == 0 ? 1.0 : (double) truePositives / detected;
    }

    public double recall() {
        return planted == 0 ? 1.0 : (double) recalled / planted;
    }

    /**
     * A complement, not part of the group-level definition: the share of accounts placed in any detected group
     * that belong to some planted group (1 when no account is detected). Group-level precision counts a giant
     * false component once; this counts its accounts.
     */
    public double accountPrecision() {
        return detectedAccounts == 0 ? 1.0 : (double) plantedDetectedAccounts / detectedAccounts;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "precision %.3f (%d/%d), recall %.3f (%d/%d)", precision(),
                truePositives, detected, recall(), recalled, planted);
    }
}
