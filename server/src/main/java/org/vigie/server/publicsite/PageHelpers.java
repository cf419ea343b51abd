package org.vigie.server.publicsite;

import java.util.List;

/**
 * What the public templates call (as {@code ${view.…}}): a model attribute rather than static calls,
 * which Thymeleaf 3.1 does not allow in every expression.
 */
public final class PageHelpers {

    static final PageHelpers INSTANCE = new PageHelpers();

    private PageHelpers() {
    }

    /** A day as people write it in that language ("24 novembre 2026", "November 24, 2026"), in UTC. */
    public String date(java.time.Instant instant, Language language) {
        return instant == null ? "" : day(instant.atZone(java.time.ZoneOffset.UTC).toLocalDate(), language);
    }

    public String day(java.time.LocalDate day, Language language) {
        return day == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(language.locale()).format(day);
    }

    /** The machine-readable instant of a {@code <time datetime>}: RFC 3339 to the second. */
    public String iso(java.time.Instant instant) {
        return PublicFeeds.rfc3339(instant);
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    public String excerpt(String text, int max) {
        return PublicPagesController.excerpt(text, max);
    }

    /** The message key of a stored incident type, or null when it is not one of the vocabulary's. */
    public String incidentTypeKey(String stored) {
        return PublicStatistics.incidentType(stored).map(t -> "reports.type." + t.name()).orElse(null);
    }

    public String cyclePhaseKey(String stored) {
        return PublicStatistics.cyclePhase(stored).map(p -> "taxonomy.phase." + p.name()).orElse(null);
    }

    public String criterionKey(org.vigie.core.panel.Criterion criterion) {
        return "public.criterion." + criterion.name();
    }

    public String criterionDescriptionKey(org.vigie.core.panel.Criterion criterion) {
        return "public.criterion." + criterion.name() + ".description";
    }
}
