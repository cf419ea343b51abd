package org.vigie.server.publicsite;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.vigie.core.panel.Criterion;
import org.vigie.server.web.SvgCharts;
import org.vigie.server.web.VigieLocaleResolver;

/**
 * The public site's pages, feeds, sitemap and robots.txt. Every page has its language in its address
 * ({@code /public/fr/…}, {@code /public/en/…}); the addresses without one ({@code /public/},
 * {@code /public/statements/{slug}}, {@code /public/feed.atom}) send the reader to their browser's
 * language. Pages answer 304 when the site has not changed since the reader's copy.
 */
@Controller
class PublicPagesController {

    static final int PAGE_SIZE = 20;
    /** The feed holds the latest statements; older ones stay on the site, in the sitemap and in the API. */
    static final int FEED_ENTRIES = 100;
    private static final String LANG = "{lang:fr|en}";

    private final PublishedStatements statements;
    private final PublicSite site;
    private final PublicFeeds feeds;
    private final MessageSource messages;

    PublicPagesController(PublishedStatements statements, PublicSite site, PublicFeeds feeds, MessageSource messages) {
        this.statements = statements;
        this.site = site;
        this.feeds = feeds;
        this.messages = messages;
    }

    // ---- addresses without a language: to the reader's -------------------------------------------

    @GetMapping({"/public", "/public/"})
    ResponseEntity<Void> home(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return toLanguage(PublicSite.home(PublicSite.negotiate(acceptLanguage)));
    }

    @GetMapping("/public/statements/{slug}")
    ResponseEntity<Void> statement(@PathVariable String slug,
                                   @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return toLanguage(PublicSite.statement(PublicSite.negotiate(acceptLanguage), slugOrEmpty(slug)));
    }

    @GetMapping("/public/feed.atom")
    ResponseEntity<Void> feed(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return toLanguage(PublicSite.feed(PublicSite.negotiate(acceptLanguage)));
    }

    @GetMapping("/public/" + LANG)
    ResponseEntity<Void> homeWithoutSlash(@PathVariable String lang) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, "/public/" + lang + "/").build();
    }

    /** Depends on Accept-Language: say so to caches, and do not keep it. */
    private static ResponseEntity<Void> toLanguage(String path) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, path)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    // ---- pages --------------------------------------------------------------------------------------

    @GetMapping("/public/" + LANG + "/")
    String list(@PathVariable String lang, @RequestParam(defaultValue = "1") String page, HttpServletRequest request,
                HttpServletResponse response, WebRequest web, Model model) {
        Language language = language(lang, request);
        int number = pageNumber(page);
        if (site.notModified(web, response, "list", lang, Integer.toString(number))) {
            return null;
        }
        PublishedStatements.Page shown = statements.page(number, PAGE_SIZE);
        String self = PublicSite.home(language) + (number > 1 ? "?page=" + number : "");
        common(model, language, self, l -> PublicSite.home(l) + (number > 1 ? "?page=" + number : ""), number == 1 ? "/public/" : null);
        model.addAttribute("shown", shown);
        model.addAttribute("description", message("public.home.description", language));
        return "public/home";
    }

    @GetMapping("/public/" + LANG + "/statements/{slug}")
    ModelAndView statementPage(@PathVariable String lang, @PathVariable String slug, HttpServletRequest request,
                         HttpServletResponse response, WebRequest web, Model model) {
        Language language = language(lang, request);
        if (site.notModified(web, response, "statement", lang, slug)) {
            return null;
        }
        Optional<PublishedStatement> found = statements.bySlug(slug);
        if (found.isEmpty()) {
            return notFound(language, model, request);
        }
        PublishedStatement statement = found.get();
        common(model, language, PublicSite.statement(language, slug), l -> PublicSite.statement(l, slug), null);
        model.addAttribute("statement", statement);
        model.addAttribute("text", statement.text(language));
        model.addAttribute("description", excerpt(statement.text(language).whatHappened(), 160));
        return new ModelAndView("public/statement");
    }

    @GetMapping("/public/" + LANG + "/statistics")
    String statistics(@PathVariable String lang, HttpServletRequest request, HttpServletResponse response, WebRequest web,
                      Model model) {
        Language language = language(lang, request);
        if (site.notModified(web, response, "statistics", lang)) {
            return null;
        }
        PublicStatistics stats = PublicStatistics.of(statements.counts());
        common(model, language, PublicSite.statistics(language), PublicSite::statistics, null);
        model.addAttribute("stats", stats);
        model.addAttribute("typeShares", shares(stats.byType()));
        model.addAttribute("phaseShares", shares(stats.byPhase()));
        model.addAttribute("stageBars", stageBars(stats, language));
        model.addAttribute("description", message("public.stats.description", language));
        return "public/statistics";
    }

    @GetMapping("/public/" + LANG + "/methodology")
    String methodology(@PathVariable String lang, HttpServletRequest request, HttpServletResponse response, WebRequest web,
                       Model model) {
        Language language = language(lang, request);
        if (site.notModified(web, response, "methodology", lang)) {
            return null;
        }
        common(model, language, PublicSite.methodology(language), PublicSite::methodology, null);
        model.addAttribute("thresholdCriteria", List.of(Criterion.values()).stream().filter(Criterion::threshold).toList());
        model.addAttribute("contextCriteria", List.of(Criterion.values()).stream().filter(c -> !c.threshold()).toList());
        model.addAttribute("panels", statements.panels());
        model.addAttribute("description", message("public.method.description", language));
        return "public/methodology";
    }

    // ---- feeds, sitemap, robots ---------------------------------------------------------------------

    @GetMapping(path = "/public/" + LANG + "/feed.atom", produces = "application/atom+xml;charset=UTF-8")
    @ResponseBody
    String atom(@PathVariable String lang, HttpServletRequest request, HttpServletResponse response, WebRequest web) {
        Language language = language(lang, request);
        if (site.notModified(web, response, "feed", lang)) {
            return null;
        }
        return feeds.atom(language, statements.page(1, FEED_ENTRIES).statements());
    }

    @GetMapping(path = "/public/sitemap.xml", produces = "application/xml;charset=UTF-8")
    @ResponseBody
    String sitemap(HttpServletResponse response, WebRequest web) {
        if (site.notModified(web, response, "sitemap")) {
            return null;
        }
        return feeds.sitemap(statements.all());
    }

    /** Crawlers may index the public site and nothing else of Vigie. */
    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    @ResponseBody
    String robots(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
        return """
                # Vigie: only the public site (the expert panel's published statements) may be crawled.
                User-agent: *
                Allow: /public/
                Disallow: /

                Sitemap: %s
                """.formatted(site.absolute("/public/sitemap.xml"));
    }

    /** Any other address under /public/: the public site's own "not found", never an application page. */
    @GetMapping("/public/**")
    ModelAndView unknown(HttpServletRequest request, Model model,
                         @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        String path = request.getRequestURI();
        Language language = path.startsWith("/public/fr/") ? Language.FR
                : path.startsWith("/public/en/") ? Language.EN : PublicSite.negotiate(acceptLanguage);
        VigieLocaleResolver.useForThisRequest(request, language.locale());
        return notFound(language, model, request);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private ModelAndView notFound(Language language, Model model, HttpServletRequest request) {
        common(model, language, PublicSite.home(language), PublicSite::home, null);
        model.addAttribute("canonical", null);
        model.addAttribute("description", message("public.notFound.text", language));
        ModelAndView view = new ModelAndView("public/not-found", model.asMap());
        view.setStatus(HttpStatus.NOT_FOUND);
        return view;
    }

    private static Language language(String code, HttpServletRequest request) {
        Language language = Language.fromCode(code).orElse(Language.EN);
        VigieLocaleResolver.useForThisRequest(request, language.locale());
        return language;
    }

    /** What every page's layout needs: its language, the other one, its canonical address and its alternates. */
    private void common(Model model, Language language, String self, java.util.function.Function<Language, String> same,
                        String xDefault) {
        model.addAttribute("lang", language);
        model.addAttribute("otherLang", language.other());
        model.addAttribute("otherHref", same.apply(language.other()));
        model.addAttribute("canonical", site.absolute(self));
        model.addAttribute("selfHref", self);
        model.addAttribute("alternates", site.alternates(same, xDefault));
        model.addAttribute("feedHref", site.absolute(PublicSite.feed(language)));
        model.addAttribute("view", PageHelpers.INSTANCE);
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(page), 100_000));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    private static String slugOrEmpty(String slug) {
        return slug.matches("[a-z0-9]+(-[a-z0-9]+)*") ? slug : "";
    }

    private String message(String key, Language language) {
        return messages.getMessage(key, null, language.locale());
    }

    /** The first sentences of a text, cut at a word, for a meta description. */
    static String excerpt(String text, int max) {
        String plain = text == null ? "" : text.replaceAll("[*_`#>\\[\\]]", "").replaceAll("\\s+", " ").strip();
        if (plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max - 1);
        return plain.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    private static SvgCharts.ShareBar shares(List<PublicStatistics.Bucket> buckets) {
        List<PublicStatistics.Bucket> shown = buckets.stream().filter(b -> b.count() > 0).toList();
        return SvgCharts.shares(shown.stream().map(b -> new SvgCharts.Series(b.key(), b.labelKey(), b.cssClass())).toList(),
                shown.stream().map(PublicStatistics.Bucket::count).toList());
    }

    private SvgCharts.BarChart stageBars(PublicStatistics stats, Language language) {
        List<String> labels = new ArrayList<>();
        for (String key : PublicStatistics.stageLabelKeys()) {
            labels.add(message(key, language));
        }
        List<SvgCharts.Series> series = stats.byType().stream()
                .map(b -> new SvgCharts.Series(b.key(), b.labelKey(), b.cssClass())).toList();
        return SvgCharts.stackedBars(labels, series, stats.byStageAndType());
    }
}
