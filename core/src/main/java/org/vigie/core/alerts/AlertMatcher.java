package org.vigie.core.alerts;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.vigie.core.observables.Observable;
import org.vigie.core.observables.ObservableType;

/**
 * Decides whether a report matches a subscription's filter. Pure: it says nothing about whether the
 * subscriber may see the report; the caller must apply the visibility policy as well.
 */
public final class AlertMatcher {

    private AlertMatcher() {
    }

    public static AlertMatch match(AlertFilter filter, ReportFacts report) {
        if (filter.electionId() != null && !filter.electionId().equals(report.electionId())) {
            return AlertMatch.NO;
        }
        if (!filter.phases().isEmpty() && (report.phase() == null || !filter.phases().contains(report.phase()))) {
            return AlertMatch.NO;
        }
        if (!anyOf(filter.types(), report.types())
                || !anyOf(filter.targetCategories(), report.targetCategories())
                || !anyOf(filter.targetOrganisations(), report.targetOrganisations())
                || !anyOf(filter.disarmTechniques(), report.disarmTechniques())
                || !anyOf(filter.communities(), report.communities())) {
            return AlertMatch.NO;
        }
        if (filter.minConfidence() != null
                && (report.confidence() == null || report.confidence() < filter.minConfidence())) {
            return AlertMatch.NO;
        }
        if (filter.watchList().isEmpty()) {
            return new AlertMatch(true, List.of());
        }
        List<WatchItem> hits = watchHits(filter.watchList(), report);
        return hits.isEmpty() ? AlertMatch.NO : new AlertMatch(true, hits);
    }

    public static boolean matches(AlertFilter filter, ReportFacts report) {
        return match(filter, report).matches();
    }

    private static <T> boolean anyOf(Set<T> wanted, Set<T> present) {
        return wanted.isEmpty() || !Collections.disjoint(wanted, present);
    }

    private static List<WatchItem> watchHits(List<WatchItem> watchList, ReportFacts report) {
        String text = WatchItem.fold(report.title() + "\n" + report.summary());
        List<WatchItem> hits = new ArrayList<>();
        for (WatchItem item : watchList) {
            boolean hit = item.isKeyword()
                    ? containsWord(text, item.matchKey())
                    : report.observables().stream().anyMatch(o -> observableHit(item, o));
            if (hit) {
                hits.add(item);
            }
        }
        return hits;
    }

    /** A keyword matches whole words, so that "vote" does not fire on "devote". */
    private static boolean containsWord(String text, String keyword) {
        int from = 0;
        while (true) {
            int at = text.indexOf(keyword, from);
            if (at < 0) {
                return false;
            }
            int end = at + keyword.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    /**
     * Equal normalised values match. A watched domain also matches its subdomains and the URLs and
     * e-mail addresses on it: watching "example.fr" must catch "https://vote.example.fr/…", the
     * typical look-alike page, and "press@example.fr".
     */
    private static boolean observableHit(WatchItem item, Observable observable) {
        if (item.type() == observable.type()) {
            if (item.matchKey().equals(observable.normalised())) {
                return true;
            }
        }
        if (item.type() != ObservableType.DOMAIN) {
            return false;
        }
        String host = switch (observable.type()) {
            case DOMAIN -> observable.normalised();
            case URL -> hostOf(observable.normalised());
            case EMAIL -> observable.normalised().substring(observable.normalised().lastIndexOf('@') + 1);
            default -> null;
        };
        return host != null && (host.equals(item.matchKey()) || host.endsWith("." + item.matchKey()));
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
