package org.vigie.server.publicsite;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.vigie.server.web.NotFoundException;

/**
 * The public JSON API: the published statements and the statistics, for journalists, researchers and
 * other sites. No authentication, CORS open for GET, cacheable with ETags. The fields are stable
 * (README, "Public site"): new ones may be added, none renamed or removed within v1. Texts come in both
 * languages side by side ({@code {"fr": …, "en": …}}). Always JSON, whatever the client accepts: a
 * person opening an address in a browser gets the data, not a "not acceptable".
 */
@RestController
@RequestMapping("/public/api/v1")
class PublicApiController {

    private static final String JSON = "application/json";

    private final PublishedStatements statements;
    private final PublicSite site;
    private final MessageSource messages;

    PublicApiController(PublishedStatements statements, PublicSite site, MessageSource messages) {
        this.statements = statements;
        this.site = site;
        this.messages = messages;
    }

    /** A statement. {@code url}: its page in each language. */
    record StatementView(String slug, Map<String, String> url, Instant publishedAt, Instant updatedAt, Map<String, String> title,
                         Map<String, String> whatHappened, Map<String, String> whoIsAffected, Map<String, String> whatToDo,
                         Map<String, String> whatIsBeingDone, Map<String, String> howThePanelDecided, String incidentType,
                         String cyclePhase, ElectionView election, PanelView panel, List<CorrectionView> corrections) {
    }

    record ElectionView(String name, LocalDate electionDay) {
    }

    record PanelView(String name) {
    }

    record CorrectionView(Instant publishedAt, Map<String, String> text) {
    }

    record StatementsPage(List<StatementView> statements, int page, int size, boolean more, int total) {
    }

    record BucketView(String key, Map<String, String> label, long count) {
    }

    record StatsView(long total, List<BucketView> byIncidentType, List<BucketView> byCyclePhase) {
    }

    @GetMapping("/statements")
    StatementsPage list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size,
                        WebRequest web, HttpServletResponse response) {
        response.setContentType(JSON);
        if (site.notModified(web, response, "api-statements", Integer.toString(page), Integer.toString(size))) {
            return null;
        }
        PublishedStatements.Page found = statements.page(page, size);
        return new StatementsPage(found.statements().stream().map(this::view).toList(), found.page(), found.size(), found.more(),
                found.total());
    }

    @GetMapping("/statements/{slug}")
    StatementView one(@PathVariable String slug, WebRequest web, HttpServletResponse response) {
        if (site.notModified(web, response, "api-statement", slug)) {
            return null;
        }
        StatementView found = statements.bySlug(slug).map(this::view).orElseThrow(() -> new NotFoundException("published statement", slug));
        response.setContentType(JSON); // after the lookup: a 404 is a problem+json
        return found;
    }

    @GetMapping("/stats")
    StatsView stats(WebRequest web, HttpServletResponse response) {
        response.setContentType(JSON);
        if (site.notModified(web, response, "api-stats")) {
            return null;
        }
        PublicStatistics stats = PublicStatistics.of(statements.counts());
        return new StatsView(stats.total(), buckets(stats.byType()), buckets(stats.byPhase()));
    }

    private List<BucketView> buckets(List<PublicStatistics.Bucket> buckets) {
        return buckets.stream().map(b -> new BucketView(b.key(), both(l -> messages.getMessage(b.labelKey(), null, l.locale())), b.count()))
                .toList();
    }

    private StatementView view(PublishedStatement s) {
        return new StatementView(s.slug(), both(l -> site.absolute(PublicSite.statement(l, s.slug()))), s.publishedAt(), s.updatedAt(),
                both(l -> s.text(l).title()), both(l -> s.text(l).whatHappened()), both(l -> s.text(l).whoIsAffected()),
                both(l -> s.text(l).whatToDo()), both(l -> s.text(l).whatIsBeingDone()), both(l -> s.text(l).howThePanelDecided()),
                PublicStatistics.incidentType(s.incidentType()).map(org.vigie.core.reports.IncidentType::key).orElse(null),
                PublicStatistics.cyclePhase(s.cyclePhase()).map(PublicStatistics::key).orElse(null),
                s.election() == null ? null : new ElectionView(s.election().name(), s.election().electionDay()),
                new PanelView(s.panel().name()),
                s.corrections().stream().map(c -> new CorrectionView(c.publishedAt(), both(c::text))).toList());
    }

    private static Map<String, String> both(Function<Language, String> text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            map.put(language.code(), text.apply(language));
        }
        return map;
    }
}
