package org.vigie.server.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Criterion;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Position;
import org.vigie.core.panel.Rating;
import org.vigie.core.panel.ResponseOption;
import org.vigie.server.panel.Assessment;
import org.vigie.server.panel.AssessmentRequest;
import org.vigie.server.panel.Assessments;
import org.vigie.server.panel.Decision;
import org.vigie.server.panel.DecisionRequest;
import org.vigie.server.panel.Decisions;
import org.vigie.server.panel.InterestRequest;
import org.vigie.server.panel.PanelFixtures;
import org.vigie.server.panel.Panels;
import org.vigie.server.panel.Referral;
import org.vigie.server.panel.ReferralRequest;
import org.vigie.server.panel.Referrals;
import org.vigie.server.publicsite.StatementRows.Texts;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.statements.Publication;
import org.vigie.server.statements.Statement;
import org.vigie.server.statements.StatementDraft;
import org.vigie.server.statements.StatementText;
import org.vigie.server.statements.Statements;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

/**
 * The canary leak test. Restricted reports (AMBER, AMBER+STRICT, RED) are filed through the real report
 * API with a unique canary in every field and observable; comments, the referral's title and cover
 * note, a member's declared interest, every assessment (justifications, response notes, rationales, a
 * dissent) and the decisions' rationales carry canaries too, and so do a statement draft that was never
 * approved, a statement approved but not published, and a correction proposed but never approved.
 * Statements are then published about the reports, and the whole public site is crawled — every link
 * from /public/ in both languages, the sitemap, the feeds, robots.txt and the JSON API — anonymously and
 * again with the session of the analyst who can see every canary. Not one canary may appear, in a body
 * or a header, and no response may set a cookie.
 *
 * <p>Everything goes through the real flow: reports through the report API, referral, assessments and
 * decisions through the panel services, statements drafted, revised, approved, scheduled, notified and
 * published by the statements module and its publication job. (The control test writes its statement
 * rows directly: it only checks that the crawl finds what is published.)
 */
@VigieTest
class PublicSiteLeakTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MutableClock clock;

    /** Every canary starts with this run's token: finding the token anywhere is a leak. */
    private final String token = "cnry" + HexFormat.of().formatHex(randomBytes(5));
    private final List<String> canaries = new ArrayList<>();

    private String canary(String field) {
        String canary = token + "-" + field;
        canaries.add(canary);
        return canary;
    }

    @Test
    void noRestrictedTextReachesThePublicSiteWhateverTheVisitor() {
        PanelFixtures panels = new PanelFixtures(port, context);
        PanelFixtures.Setup setup = panels.panel(3, DecisionRule.quorum(2));
        Api analyst = panels.api(setup.analystUsername());

        // a member's declared interest in an organisation no report involves
        UUID elsewhere = panels.fixtures().organisation("RESEARCH");
        context.getBean(Panels.class).declareInterest(panels.admin(), setup.panelId(), setup.member(2).accountId(),
                new InterestRequest(elsewhere, canary("interest-nature")));

        // restricted reports with a canary everywhere
        UUID target = panels.fixtures().organisation("POLITICAL_PARTY");
        Map<String, String> reports = new LinkedHashMap<>();
        for (String tlp : List.of("AMBER", "AMBER+STRICT", "RED")) {
            String id = restrictedReport(setup, analyst, tlp, target);
            reports.put(tlp, id);
            Api.Response comment = analyst.post("/api/v1/reports/" + id + "/comments",
                    Map.of("text", canary("comment-" + tlp), "tlp", tlp));
            assertThat(comment.status()).as("comment on the %s report", tlp).isEqualTo(201);
            assertThat(analyst.get("/api/v1/reports/" + id).body()).as("the %s report holds its canaries", tlp)
                    .contains(token + "-title-" + tlp, token + "-summary-" + tlp);
        }

        // an accumulation (AMBER and AMBER+STRICT) and the RED report alone, each decided through the panel services
        Decided accumulation = decide(panels, setup, "accumulation", reports.get("AMBER"), reports.get("AMBER+STRICT"));
        Decided red = decide(panels, setup, "red", reports.get("RED"));
        Referral referral = context.getBean(Referrals.class).find(accumulation.referral()).orElseThrow();
        assertThat(referral.coverNote()).as("the cover note holds its canary").contains(token);

        // statements through the statements module: each first drafted with canaries, revised to the public text,
        // approved, scheduled, notified and published by the job; a dated correction; one approved, never published
        Statements statements = context.getBean(Statements.class);
        UUID one = draftRevisedApproved(statements, setup, accumulation.decision(), "one", text("Déclaration un"), text("Statement one"),
                "HACK_AND_LEAK", "CAMPAIGN");
        UUID two = draftRevisedApproved(statements, setup, red.decision(), "two", text("Déclaration deux"), text("Statement two"),
                "DISINFORMATION_NARRATIVE", "VOTING");
        Decided unpublished = decide(panels, setup, "unpublished", reports.get("AMBER"));
        Statement hiddenStatement = statements.create(setup.member(0), unpublished.decision(), null, new StatementDraft(
                text(canary("approved-fr")), text(canary("approved-en")), "HACK_AND_LEAK", "CAMPAIGN", setup.electionId()));
        statements.approve(setup.member(0), hiddenStatement.id(), 1);
        statements.approve(setup.member(1), hiddenStatement.id(), 1);
        publishBoth(statements, one, two);
        Statements.CorrectionState proposed = statements.proposeCorrection(setup.member(0), one, "Précision publique.",
                "Public clarification.");
        assertThat(statements.approveCorrection(setup.member(1), one, proposed.proposal().id()).published()).isTrue();
        assertThat(statements.proposeCorrection(setup.member(0), two, canary("correction-proposal-fr"), canary("correction-proposal-en"))
                .published()).as("a correction proposed, never approved").isFalse();
        String first = slugOf(one);
        String second = slugOf(two);
        String hidden = hiddenStatement.slug();
        assertThat(jdbc.sql("SELECT status FROM panel_statements WHERE id = :id").param("id", hiddenStatement.id()).query(String.class).single())
                .isEqualTo("APPROVED");

        // anonymously, then with the session of the analyst who sees every canary
        Crawl anonymous = crawl(null);
        BrowserSession signedIn = BrowserSession.signedIn(port, setup.analystUsername(), Fixtures.PASSWORD, "fr");
        Crawl asAnalyst = crawl("JSESSIONID=" + signedIn.cookie("JSESSIONID"));

        for (Crawl crawl : List.of(anonymous, asAnalyst)) {
            assertThat(crawl.fetched).as("the crawl reached every public address of both statements")
                    .contains("/public/fr/", "/public/en/", "/public/fr/statements/" + first, "/public/en/statements/" + second,
                            "/public/fr/feed.atom", "/public/en/feed.atom", "/public/sitemap.xml", "/robots.txt",
                            "/public/api/v1/statements/" + first, "/public/api/v1/stats", "/public/fr/methodology", "/public/en/statistics");
            assertThat(crawl.text()).as("published texts are there").contains("Statement one title", "Déclaration deux title",
                    "Public clarification.", "Former senior official 1");
            assertThat(crawl.leaks(token)).as("canaries found in the public site").isEmpty();
            assertThat(crawl.leaks(hidden)).as("the approved but unpublished statement").isEmpty();
            for (String value : observableValues) {
                assertThat(crawl.leaks(value)).as("observable %s", value).isEmpty();
            }
            for (String id : reports.values()) {
                assertThat(crawl.leaks(id.substring("incident--".length()))).as("report id %s", id).isEmpty();
            }
            assertThat(crawl.leaks(setup.analystUsername())).isEmpty();
            assertThat(crawl.leaks(setup.memberUsernames().get(0))).isEmpty();
            assertThat(crawl.cookies).as("responses that set a cookie").isEmpty();
            assertThat(crawl.outside).as("links from the public site to the application").isEmpty();
        }
        assertThat(asAnalyst.bodies).as("a signed-in session changes nothing").isEqualTo(anonymous.bodies);
        assertThat(canaries).hasSizeGreaterThan(40);
    }

    /** The control: the same crawl does find a canary that was published, so an empty result above means something. */
    @Test
    void theCrawlFindsACanaryThatWasPublished() {
        StatementRows rows = new StatementRows(jdbc, transactions, clock);
        PanelFixtures panels = new PanelFixtures(port, context);
        PanelFixtures.Setup setup = panels.panel(1);
        PanelFixtures.Decided decided = panels.announced(setup, panels.report(setup, "A public report"));
        String slug = Fixtures.unique("control").toLowerCase(Locale.ROOT);
        rows.write(new StatementRows.Statement(setup.panelId(), slug, Texts.of("Contrôle"), Texts.of("Control"))
                .forDecision(decided.referral().id(), decided.decision().id())
                .correction(Duration.ofMinutes(1), "Correction " + canary("in-french"), "Correction " + canary("in-english")));

        Crawl crawl = crawl(null);
        assertThat(crawl.pathsLeaking(token + "-in-english")).contains("/public/en/statements/" + slug, "/public/en/feed.atom",
                "/public/api/v1/statements/" + slug).doesNotContain("/public/fr/statements/" + slug);
        assertThat(crawl.pathsLeaking(token + "-in-french")).contains("/public/fr/statements/" + slug, "/public/fr/feed.atom")
                .doesNotContain("/public/en/statements/" + slug);
    }

    private final List<String> observableValues = new ArrayList<>();

    /** A report with this TLP and a canary in every free-text field, every target field and every observable. */
    private String restrictedReport(PanelFixtures.Setup setup, Api analyst, String tlp, UUID target) {
        String ip = "198.51." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250);
        String hash = HexFormat.of().formatHex(randomBytes(32));
        String phone = "+3361" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        observableValues.addAll(List.of(ip, hash, phone));
        String host = canary("domain-" + tlp.replace("+", "-")).toLowerCase(Locale.ROOT) + ".fr";
        ReportFiling.Draft draft = ReportFiling.report(canary("title-" + tlp), setup.electionId())
                .with("summary", canary("summary-" + tlp))
                .with("tlp", tlp)
                .with("types", List.of("HACK_AND_LEAK", "DISINFORMATION_NARRATIVE"))
                .with("targets", List.of(Map.of("category", "POLITICAL_PARTY", "organisationId", target.toString(),
                                "notifiedAt", "2026-11-21T09:00:00Z", "notifiedBy", canary("notified-by-" + tlp)),
                        Map.of("category", "VOTERS", "name", canary("target-name-" + tlp), "doNotNotify", true,
                                "doNotNotifyReason", canary("do-not-notify-" + tlp))))
                .with("newActors", List.of(Map.of("name", canary("actor-" + tlp), "type", "intrusion-set",
                        "description", canary("actor-description-" + tlp))))
                .with("newNarratives", List.of(Map.of("name", canary("narrative-" + tlp), "description", canary("narrative-description-" + tlp))))
                .with("viginum", Map.of("FOREIGN_INVOLVEMENT", Map.of("met", true, "justification", canary("viginum-" + tlp))))
                .with("observables", List.of(
                        Map.of("type", "url", "value", "https://" + host + "/" + canary("path-" + tlp)),
                        Map.of("type", "domain", "value", "www." + host),
                        Map.of("type", "ipv4", "value", ip),
                        Map.of("type", "email", "value", canary("mailbox-" + tlp).toLowerCase(Locale.ROOT) + "@" + host),
                        Map.of("type", "file-hash", "value", hash),
                        Map.of("type", "phone", "value", phone),
                        Map.of("type", "social-account", "value", "x:@" + canary("account-" + tlp.replace("+", "_")).replace('-', '_'))));
        if ("RED".equals(tlp)) {
            draft = draft.with("users", List.of(setup.member(0).accountId().toString()));
        }
        Api.Response filed = analyst.post("/api/v1/reports", draft.fields());
        assertThat(filed.status()).as("filing the %s report: %s", tlp, filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    private record Decided(UUID referral, UUID decision) {
    }

    private static StatementText text(String prefix) {
        Texts texts = Texts.of(prefix);
        return new StatementText(texts.title(), texts.whatHappened(), texts.whoIsAffected(), texts.whatToDo(), texts.whatIsBeingDone(),
                texts.howThePanelDecided());
    }

    /** Drafted with canaries (version 1, never approved), revised to the public text (version 2), approved by two of three. */
    private UUID draftRevisedApproved(Statements statements, PanelFixtures.Setup setup, UUID decision, String name, StatementText fr,
                                      StatementText en, String type, String phase) {
        Statement drafted = statements.create(setup.member(0), decision, null, new StatementDraft(text(canary("draft-fr-" + name)),
                text(canary("draft-en-" + name)), "PHISHING", "VOTING", setup.electionId()));
        Statement revised = statements.revise(setup.member(1), drafted.id(), new StatementDraft(fr, en, type, phase, setup.electionId()), 1);
        statements.approve(setup.member(0), drafted.id(), revised.currentVersion());
        statements.approve(setup.member(1), drafted.id(), revised.currentVersion());
        return drafted.id();
    }

    /** Schedules both, lets the job send the notices at the lead time, then publish at the scheduled moment. */
    private void publishBoth(Statements statements, UUID... ids) {
        Instant at = clock.instant().plus(statements.leadTime()).plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        for (UUID id : ids) {
            statements.schedule(memberOf(id), id, at);
        }
        Publication publication = context.getBean(Publication.class);
        clock.advance(Duration.between(clock.instant(), at.minus(statements.leadTime())).plusSeconds(1));
        publication.runDue();
        clock.advance(statements.leadTime());
        publication.runDue();
        for (UUID id : ids) {
            assertThat(jdbc.sql("SELECT status FROM panel_statements WHERE id = :id").param("id", id).query(String.class).single())
                    .as("statement %s", id).isEqualTo("PUBLISHED");
        }
    }

    private Member memberOf(UUID statement) {
        UUID account = jdbc.sql("SELECT created_by FROM panel_statements WHERE id = :id").param("id", statement).query(UUID.class).single();
        return scheduler.computeIfAbsent(account, a -> new PanelFixtures(port, context).member(
                jdbc.sql("SELECT username FROM accounts WHERE id = :id").param("id", a).query(String.class).single()));
    }

    private final Map<UUID, Member> scheduler = new LinkedHashMap<>();

    private String slugOf(UUID statement) {
        return jdbc.sql("SELECT slug FROM panel_statements WHERE id = :id").param("id", statement).query(String.class).single();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Referral with canaries, every member assesses with canaries (one dissents), the decision with a canary rationale. */
    private Decided decide(PanelFixtures panels, PanelFixtures.Setup setup, String name, String... reportIds) {
        Referral referral = context.getBean(Referrals.class).refer(setup.analyst(), setup.panelId(),
                new ReferralRequest(canary("referral-title-" + name), canary("cover-note-" + name), List.of(reportIds)));
        Assessments assessments = context.getBean(Assessments.class);
        for (int i = 0; i < setup.members().size(); i++) {
            Member member = setup.member(i);
            List<Assessment.CriterionAnswer> criteria = new ArrayList<>();
            for (Criterion c : Criterion.values()) {
                criteria.add(new Assessment.CriterionAnswer(c, Rating.HIGH, canary("justification-" + name + "-" + i + "-" + c)));
            }
            Position position = i == 2 ? Position.DO_NOT_ANNOUNCE : Position.ANNOUNCE;
            assessments.record(member, referral.id(), new AssessmentRequest(criteria,
                    List.of(new Assessment.ResponseChoice(ResponseOption.PRIVATE_NOTICE_TO_TARGETS, canary("response-note-" + name + "-" + i))),
                    position, canary("rationale-" + name + "-" + i)));
        }
        Decision decision = context.getBean(Decisions.class).decide(setup.member(0), referral.id(),
                new DecisionRequest(canary("decision-rationale-" + name),
                        List.of(new Assessment.ResponseChoice(ResponseOption.PRIVATE_NOTICE_TO_TARGETS, canary("decision-note-" + name)))));
        assertThat(decision.outcome().name()).isEqualTo("PUBLIC_ANNOUNCEMENT");
        return new Decided(referral.id(), decision.id());
    }

    // ---- the crawler --------------------------------------------------------------------------------

    private static final Pattern XML_LINK = Pattern.compile("(?:href=\"([^\"]+)\"|<loc>([^<]+)</loc>|<id>(http[^<]+)</id>)");
    private static final Pattern SITEMAP_LINE = Pattern.compile("(?m)^Sitemap:\\s*(\\S+)");
    private static final Set<String> STATIC = Set.of("/css/", "/images/", "/js/", "/webjars/");

    /** What a crawl saw: every address fetched, every body and header, cookies set, links leaving the public site. */
    private static final class Crawl {
        final Set<String> fetched = new LinkedHashSet<>();
        final Map<String, String> bodies = new LinkedHashMap<>();
        final List<String> headers = new ArrayList<>();
        final List<String> cookies = new ArrayList<>();
        final Set<String> outside = new LinkedHashSet<>();

        String text() {
            return String.join("\n", bodies.values());
        }

        /** The paths whose body contains this text (any case), whatever language the crawl asked for. */
        Set<String> pathsLeaking(String needle) {
            Set<String> paths = new LinkedHashSet<>();
            leaks(needle).forEach(found -> paths.add(found.replaceAll(" \\[(fr|en)]$", "").split(" ")[0]));
            return paths;
        }

        /** The addresses (with the language asked for) whose body or headers contain this text (any case). */
        List<String> leaks(String needle) {
            String wanted = needle.toLowerCase(Locale.ROOT);
            List<String> found = new ArrayList<>();
            bodies.forEach((address, body) -> {
                if (body.toLowerCase(Locale.ROOT).contains(wanted)) {
                    found.add(address);
                }
            });
            headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).contains(wanted)).forEach(found::add);
            return found;
        }
    }

    /** Follows every link from the public entry points, in French and English; {@code cookie} is sent with every request. */
    private Crawl crawl(String cookie) {
        PublicHttp http = new PublicHttp(port);
        Crawl crawl = new Crawl();
        Deque<String[]> queue = new ArrayDeque<>();
        for (String language : List.of("fr", "en")) {
            for (String seed : List.of("/public/", "/public", "/public/feed.atom", "/public/statements/" + "nothing")) {
                queue.add(new String[] {seed, language});
            }
        }
        for (String seed : List.of("/public/sitemap.xml", "/robots.txt", "/public/api/v1/statements?size=500", "/public/api/v1/stats")) {
            queue.add(new String[] {seed, "en"});
        }
        Set<String> queued = new LinkedHashSet<>();
        while (!queue.isEmpty() && crawl.fetched.size() < 2000) {
            String[] next = queue.poll();
            String path = next[0];
            if (!queued.add(path + " " + next[1]) || (crawl.fetched.contains(path) && !path.equals("/public/") && !path.equals("/public")
                    && !path.startsWith("/public/feed.atom") && !path.startsWith("/public/statements/"))) {
                continue;
            }
            List<String> headers = new ArrayList<>(List.of("Accept-Language", next[1], "Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
            if (cookie != null) {
                headers.addAll(List.of("Cookie", cookie));
            }
            Api.Response response = http.get(path, headers.toArray(String[]::new));
            crawl.fetched.add(path);
            crawl.bodies.put(path + " [" + next[1] + "]", response.body());
            response.headers().forEach((name, values) -> values.forEach(v -> crawl.headers.add(path + " " + name + ": " + v)));
            if (response.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Set-Cookie"))) {
                crawl.cookies.add(path + " " + response.header("Set-Cookie"));
            }
            for (String link : links(path, response)) {
                String local = local(link);
                if (local == null) {
                    continue;
                }
                if (!local.startsWith("/public/") && !local.equals("/robots.txt") && STATIC.stream().noneMatch(local::startsWith)) {
                    crawl.outside.add(path + " -> " + link);
                    continue;
                }
                queue.add(new String[] {local, next[1]});
            }
        }
        assertThat(crawl.fetched.size()).as("the crawl stopped on its own").isLessThan(2000);
        return crawl;
    }

    private List<String> links(String path, Api.Response response) {
        List<String> links = new ArrayList<>();
        if (response.header("Location") != null) {
            links.add(response.header("Location"));
        }
        String type = response.header("Content-Type") == null ? "" : response.header("Content-Type");
        String body = response.body();
        if (type.startsWith("text/html")) {
            org.jsoup.nodes.Document html = Jsoup.parse(body);
            html.select("[href]").forEach(e -> links.add(e.attr("href")));
            html.select("[src]").forEach(e -> links.add(e.attr("src")));
        } else if (type.contains("xml")) {
            Matcher matcher = XML_LINK.matcher(body);
            while (matcher.find()) {
                links.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
            }
        } else if (type.startsWith("application/json")) {
            JsonNode json = response.json();
            json.findValuesAsText("slug").forEach(slug -> links.add("/public/api/v1/statements/" + slug));
            collectUrls(json, links);
        } else if (type.startsWith("text/plain")) {
            Matcher matcher = SITEMAP_LINE.matcher(body);
            while (matcher.find()) {
                links.add(matcher.group(1));
            }
        }
        return links;
    }

    private static void collectUrls(JsonNode node, List<String> links) {
        if (node.isTextual() && (node.asText().startsWith(PublicSiteTest.SITE) || node.asText().startsWith("/public/"))) {
            links.add(node.asText());
        }
        node.forEach(child -> collectUrls(child, links));
    }

    /** A link as a path on this site (query kept, fragment dropped), or null for another site or a fragment alone. */
    private static String local(String link) {
        String href = link.replace("&amp;", "&");
        int hash = href.indexOf('#');
        if (hash >= 0) {
            href = href.substring(0, hash);
        }
        if (href.isEmpty()) {
            return null;
        }
        if (href.startsWith(PublicSiteTest.SITE)) {
            href = href.substring(PublicSiteTest.SITE.length());
        } else if (href.startsWith("http://127.0.0.1") || href.startsWith("http://localhost")) {
            href = java.net.URI.create(href).getRawPath();
        }
        if (href.startsWith("urn:") || href.startsWith("mailto:") || href.startsWith("http")) {
            return null;
        }
        return href.startsWith("/") ? href : null;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
