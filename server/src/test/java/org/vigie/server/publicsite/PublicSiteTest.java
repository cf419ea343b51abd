package org.vigie.server.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.vigie.server.publicsite.StatementRows.Texts;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;
import org.w3c.dom.NodeList;

/**
 * The public site as anyone reaches it: published statements only (approved text, dated corrections),
 * in French and English at their own addresses, an Atom feed per language, a JSON API, statistics and the
 * methodology; search-engine and accessibility markup; caching without a session; and nothing of the
 * application behind it.
 */
@VigieTest
class PublicSiteTest {

    /** The configured public URL the absolute links are built on (vigie.alerts.public-url in tests). */
    static final String SITE = "http://localhost:8080";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    Fixtures fixtures;
    StatementRows rows;
    PublicHttp http;
    UUID panel;
    UUID election;

    @BeforeEach
    void panel() {
        fixtures = new Fixtures(port);
        rows = new StatementRows(jdbc, transactions, clock);
        http = new PublicHttp(port);
        election = ReportFiling.election(fixtures);
        UUID commission = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        Map<UUID, String> members = new LinkedHashMap<>();
        members.put(rows.accountId(fixtures.account(commission, "ANALYST")), "Ancienne greffière du Conseil d’État");
        members.put(rows.accountId(fixtures.account(commission, "ANALYST")), "Former national security adviser");
        panel = rows.panel(Fixtures.unique("Comité"), election, "Le comité **informe** le public.", "The panel **informs** the public.",
                members);
    }

    private String slug(String prefix) {
        return Fixtures.unique(prefix).toLowerCase();
    }

    private StatementRows.Statement statement(String slug) {
        return new StatementRows.Statement(panel, slug, Texts.of("FR " + slug), Texts.of("EN " + slug))
                .classified("hack-and-leak", "CAMPAIGN", election);
    }

    @Test
    void theListShowsPublishedStatementsNewestFirstInEachLanguage() {
        String older = slug("older");
        String newer = slug("newer");
        rows.write(statement(older).publishedAgo(Duration.ofHours(3)));
        rows.write(statement(newer).publishedAgo(Duration.ofMinutes(30)));

        Document french = html(http.get("/public/fr/"));
        String list = french.select("ol.statement-list").text();
        assertThat(list).contains("FR " + older + " title", "FR " + newer + " title").doesNotContain("EN " + older);
        assertThat(list.indexOf("FR " + newer)).isLessThan(list.indexOf("FR " + older));
        assertThat(french.select("a[href=/public/fr/statements/" + newer + "]")).hasSize(1);
        assertThat(french.select("html").attr("lang")).isEqualTo("fr");

        Document english = html(http.get("/public/en/"));
        assertThat(english.select("ol.statement-list").text()).contains("EN " + newer + " title").doesNotContain("FR " + newer);
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("h1").text()).isEqualTo("Public statements on election interference");
        assertThat(french.select("h1").text()).isEqualTo("Déclarations publiques sur les ingérences électorales");
    }

    @Test
    void aStatementPageShowsTheApprovedVersionAndItsDatedCorrectionsNeverALaterDraft() {
        String slug = slug("approved");
        rows.write(statement(slug).laterDraft(Texts.of("BROUILLON"), Texts.of("UNAPPROVED DRAFT"))
                .strayField("stray field never read")
                .correction(Duration.ofMinutes(20), "Le nombre de comptes était de 40, pas 400.", "The number of accounts was 40, not 400."));

        Api.Response page = http.get("/public/en/statements/" + slug);
        assertThat(page.status()).isEqualTo(200);
        Document english = html(page);
        assertThat(english.select("h1").text()).isEqualTo("EN " + slug + " title");
        assertThat(english.select("main h2").eachText()).containsExactly("What happened", "Who is affected", "What you should do",
                "What is being done", "How the panel decided", "Corrections");
        assertThat(english.select("#corrections").text()).contains("The number of accounts was 40, not 400.")
                .containsPattern("Correction of \\w+ \\d{1,2}, \\d{4}");
        assertThat(english.select("#corrections time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(english.select(".statement-facts").text()).contains("Hack and leak", "Campaign");
        assertThat(page.body()).doesNotContain("UNAPPROVED DRAFT", "BROUILLON", "stray field never read");

        Document french = html(http.get("/public/fr/statements/" + slug));
        assertThat(french.select("h1").text()).isEqualTo("FR " + slug + " title");
        assertThat(french.select("#corrections").text()).contains("Le nombre de comptes était de 40, pas 400.", "Correction du");
    }

    @Test
    void statementsThatAreNotPublishedAreNeitherListedNorReachable() {
        Map<String, String> unpublished = new LinkedHashMap<>();
        for (String status : List.of("DRAFT", "APPROVED", "NOTICES_SENT")) {
            String slug = slug(status.toLowerCase().replace('_', '-'));
            rows.write(statement(slug).status(status));
            unpublished.put(status, slug);
        }
        String withdrawn = slug("withdrawn");
        rows.withdraw(rows.write(statement(withdrawn)));
        unpublished.put("WITHDRAWN", withdrawn);

        String everything = http.get("/public/en/").body() + http.get("/public/fr/").body() + http.get("/public/en/feed.atom").body()
                + http.get("/public/sitemap.xml").body() + http.get("/public/api/v1/statements?size=500").body();
        unpublished.forEach((status, slug) -> {
            assertThat(everything).as(status).doesNotContain(slug);
            Api.Response page = http.get("/public/en/statements/" + slug);
            assertThat(page.status()).as(status).isEqualTo(404);
            assertThat(html(page).select("h1").text()).isEqualTo("Page not found");
            assertThat(http.get("/public/api/v1/statements/" + slug).status()).as(status).isEqualTo(404);
        });
    }

    @Test
    void addressesWithoutALanguageSendTheReaderToTheirs() {
        Api.Response home = http.get("/public/", "Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).isEqualTo("/public/fr/");
        assertThat(home.headers().get("Vary")).anyMatch(vary -> vary.contains("Accept-Language"));
        assertThat(http.get("/public", "Accept-Language", "en-GB").header("Location")).isEqualTo("/public/en/");
        assertThat(http.get("/public/").header("Location")).isEqualTo("/public/en/");
        assertThat(http.get("/public/feed.atom", "Accept-Language", "fr").header("Location")).isEqualTo("/public/fr/feed.atom");
        assertThat(http.get("/public/statements/some-slug", "Accept-Language", "en").header("Location"))
                .isEqualTo("/public/en/statements/some-slug");
        assertThat(http.get("/public/fr").header("Location")).isEqualTo("/public/fr/");
    }

    @Test
    void theFeedIsAtomWithPermanentIdsDatesLinksAndLanguage() throws Exception {
        String slug = slug("feed");
        rows.write(statement(slug).correction(Duration.ofMinutes(5), "Précision.", "Clarification."));

        Api.Response feed = http.get("/public/fr/feed.atom");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document atom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.Element root = atom.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("fr");
        assertThat(child(root, "id")).isEqualTo(SITE + "/public/fr/feed.atom");
        assertThat(child(root, "title")).isNotBlank();
        assertThat(child(root, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(links(root)).contains("self application/atom+xml " + SITE + "/public/fr/feed.atom",
                "alternate text/html " + SITE + "/public/fr/", "alternate application/atom+xml " + SITE + "/public/en/feed.atom");
        assertThat(child((org.w3c.dom.Element) root.getElementsByTagNameNS(PublicFeeds.ATOM, "author").item(0), "name")).isNotBlank();

        org.w3c.dom.Element entry = entry(root, "FR " + slug + " title");
        assertThat(child(entry, "id")).startsWith("urn:uuid:");
        assertThat(child(entry, "published")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(child(entry, "updated")).isGreaterThan(child(entry, "published"));
        assertThat(links(entry)).contains("alternate text/html " + SITE + "/public/fr/statements/" + slug,
                "alternate text/html " + SITE + "/public/en/statements/" + slug);
        assertThat(child(entry, "content")).contains("<h2>Ce qui s’est passé</h2>", "Précision.");

        org.w3c.dom.Element english = entry(factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                http.get("/public/en/feed.atom").body().getBytes(StandardCharsets.UTF_8))).getDocumentElement(), "EN " + slug + " title");
        assertThat(child(english, "id")).as("an entry per language, each with its own permanent id").isNotEqualTo(child(entry, "id"));
        assertThat(http.get("/public/fr/feed.atom").body()).as("ids and dates do not change between requests")
                .contains(child(entry, "id"), child(entry, "updated"));
    }

    @Test
    void theJsonApiHasStableFieldsAndOpenCors() {
        String slug = slug("api");
        rows.write(statement(slug).correction(Duration.ofMinutes(5), "Précision.", "Clarification."));

        Api.Response one = http.get("/public/api/v1/statements/" + slug, "Origin", "https://journal.example");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("Access-Control-Allow-Origin")).isEqualTo("*");
        JsonNode statement = one.json();
        assertThat(iterable(statement.fieldNames())).containsExactly("slug", "url", "publishedAt", "updatedAt", "title", "whatHappened",
                "whoIsAffected", "whatToDo", "whatIsBeingDone", "howThePanelDecided", "incidentType", "cyclePhase", "election", "panel",
                "corrections");
        assertThat(statement.get("title").get("fr").asText()).isEqualTo("FR " + slug + " title");
        assertThat(statement.get("title").get("en").asText()).isEqualTo("EN " + slug + " title");
        assertThat(statement.get("url").get("en").asText()).isEqualTo(SITE + "/public/en/statements/" + slug);
        assertThat(statement.get("incidentType").asText()).isEqualTo("hack-and-leak");
        assertThat(statement.get("cyclePhase").asText()).isEqualTo("campaign");
        assertThat(statement.get("election").get("electionDay").asText()).isEqualTo("2027-06-13");
        assertThat(statement.get("corrections").get(0).get("text").get("en").asText()).isEqualTo("Clarification.");

        JsonNode list = http.get("/public/api/v1/statements?size=500").json();
        assertThat(iterable(list.fieldNames())).containsExactly("statements", "page", "size", "more", "total");
        assertThat(list.get("statements").findValuesAsText("slug")).contains(slug);

        Api.Response missing = http.get("/public/api/v1/statements/no-such-statement");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");

        Api.Response preflight = http.send("OPTIONS", "/public/api/v1/stats", "Origin", "https://journal.example",
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(http.send("OPTIONS", "/public/api/v1/stats", "Origin", "https://journal.example",
                "Access-Control-Request-Method", "POST").status()).as("only reads are open").isEqualTo(403);
    }

    @Test
    void statisticsCountPublishedCasesByTypeAndPhase() {
        JsonNode before = http.get("/public/api/v1/stats").json();
        rows.write(statement(slug("ddos")).classified("DDOS", "VOTING", election));
        rows.write(statement(slug("ddos")).classified("ddos", "voting", election));
        rows.write(statement(slug("unclassified")).classified(null, null, null));
        rows.write(statement(slug("draft")).classified("DDOS", "VOTING", election).status("DRAFT"));

        JsonNode after = http.get("/public/api/v1/stats").json();
        assertThat(after.get("total").asLong() - before.get("total").asLong()).isEqualTo(3);
        assertThat(count(after, "byIncidentType", "ddos") - count(before, "byIncidentType", "ddos")).isEqualTo(2);
        assertThat(count(after, "byIncidentType", "unclassified") - count(before, "byIncidentType", "unclassified")).isEqualTo(1);
        assertThat(count(after, "byCyclePhase", "voting") - count(before, "byCyclePhase", "voting")).isEqualTo(2);
        assertThat(after.get("byIncidentType").get(0).get("label").get("fr").asText()).isEqualTo("Hameçonnage ou vol d’identifiants");

        Document page = html(http.get("/public/en/statistics"));
        assertThat(page.select("#chart-by-type svg title").first().text()).isEqualTo("By kind of incident");
        assertThat(page.select("#chart-by-phase")).hasSize(1);
        assertThat(page.select("#chart-by-stage rect")).isNotEmpty();
        assertThat(page.select("table.stats-table").text()).contains("DDoS", "Voting");
    }

    @Test
    void theMethodologyShowsCriteriaRuleAndMembersByPublicTitleOnly() {
        UUID org = fixtures.organisation("POLITICAL_PARTY");
        String member = fixtures.account(org, "ANALYST");
        UUID withInterest = rows.panel(Fixtures.unique("Standing"), null, "", "", Map.of(rows.accountId(member), "Professeure de droit public"));
        rows.declareInterest(withInterest, rows.accountId(member), org, "secret interest nature");

        Document english = html(http.get("/public/en/methodology"));
        assertThat(english.select("section[aria-labelledby=criteria-heading] dl.criteria dt").eachText()).hasSize(13).startsWith("Threat to a free and fair election");
        assertThat(english.select("ol.process > li h3").eachText()).containsExactly("Referral", "Assessment", "Decision",
                "Private notices", "Pre-announcement", "Publication", "Independent review");
        Element card = english.getElementById("panel-" + panel);
        assertThat(card).isNotNull();
        assertThat(card.select("ul.members li").eachText()).containsExactly("Ancienne greffière du Conseil d’État chair",
                "Former national security adviser");
        assertThat(card.text()).contains("Decides by consensus.", "The panel informs the public.");
        assertThat(english.getElementById("panel-" + withInterest).text()).contains("Standing panel", "Professeure de droit public");
        assertThat(english.text()).doesNotContain(member, "Test ANALYST", "secret interest nature");

        Document french = html(http.get("/public/fr/methodology"));
        assertThat(french.select("dl.criteria dt").first().text()).isEqualTo("Menace pour une élection libre et régulière");
    }

    @Test
    void pagesCarrySearchEngineAndAccessibilityMarkup() {
        String slug = slug("seo");
        rows.write(statement(slug));
        for (String path : List.of("/public/fr/", "/public/en/", "/public/en/statements/" + slug, "/public/fr/statistics",
                "/public/en/methodology")) {
            Document page = html(http.get(path));
            String other = path.startsWith("/public/fr/") ? path.replace("/public/fr/", "/public/en/") : path.replace("/public/en/", "/public/fr/");
            assertThat(page.title()).as(path).endsWith("· " + (path.startsWith("/public/fr/") ? "Vigie — déclarations publiques" : "Vigie — public statements"));
            assertThat(page.select("meta[name=description]").attr("content")).as(path).isNotBlank();
            assertThat(page.select("link[rel=canonical]").attr("href")).as(path).isEqualTo(SITE + path);
            assertThat(page.select("link[rel=alternate][hreflang=fr]").attr("href")).as(path)
                    .isEqualTo(SITE + (path.startsWith("/public/fr/") ? path : other));
            assertThat(page.select("link[rel=alternate][hreflang=en]").attr("href")).as(path)
                    .isEqualTo(SITE + (path.startsWith("/public/en/") ? path : other));
            assertThat(page.select("link[rel=alternate][type=application/atom+xml]")).as(path).hasSize(1);
            assertThat(page.select("a.skip-link").attr("href")).isEqualTo("#main");
            assertThat(page.select("header")).isNotEmpty();
            assertThat(page.select("main#main")).hasSize(1);
            assertThat(page.select("nav[aria-label]")).isNotEmpty();
            assertThat(page.select("footer")).hasSize(1);
            assertThat(page.select("h1")).as(path).hasSize(1);
            assertThat(headingLevels(page)).as(path + ": headings never skip a level").allMatch(step -> step <= 1);
            assertThat(page.select(".lang a[hreflang]").eachAttr("href")).as(path).contains(other);
        }
        assertThat(html(http.get("/public/en/")).select("link[rel=alternate][hreflang=x-default]").attr("href"))
                .isEqualTo(SITE + "/public/");
    }

    @Test
    void sitemapListsEveryPageInBothLanguagesAndRobotsAllowsOnlyThePublicSite() throws Exception {
        String slug = slug("sitemap");
        rows.write(statement(slug));

        Api.Response sitemap = http.get("/public/sitemap.xml");
        assertThat(sitemap.header("Content-Type")).startsWith("application/xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList locs = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sitemap.body().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS(PublicFeeds.SITEMAP, "loc");
        List<String> addresses = new java.util.ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            addresses.add(locs.item(i).getTextContent());
        }
        assertThat(addresses).contains(SITE + "/public/fr/", SITE + "/public/en/", SITE + "/public/fr/methodology",
                SITE + "/public/en/statistics", SITE + "/public/fr/statements/" + slug, SITE + "/public/en/statements/" + slug);
        assertThat(addresses).allMatch(a -> a.startsWith(SITE + "/public/"));

        Api.Response robots = http.get("/robots.txt");
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.body()).contains("User-agent: *", "Allow: /public/", "Disallow: /", "Sitemap: " + SITE + "/public/sitemap.xml");
    }

    @Test
    void anUnchangedSiteAnswers304AndAPublicationChangesTheETag() {
        Api.Response first = http.get("/public/en/");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");

        Api.Response again = http.get("/public/en/", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(http.get("/public/fr/", "If-None-Match", etag).status()).as("another language, another ETag").isEqualTo(200);

        rows.write(statement(slug("etag")));
        Api.Response changed = http.get("/public/en/", "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(http.get("/public/api/v1/stats", "If-None-Match", http.get("/public/api/v1/stats").header("ETag")).status())
                .isEqualTo(304);
    }

    @Test
    void noSessionIsCreatedAndASignedInSessionChangesNothing() {
        String slug = slug("session");
        rows.write(statement(slug));
        List<String> paths = List.of("/public/", "/public/en/", "/public/fr/?lang=en", "/public/en/statements/" + slug,
                "/public/fr/statistics", "/public/en/methodology", "/public/en/feed.atom", "/public/sitemap.xml", "/robots.txt",
                "/public/api/v1/statements", "/public/api/v1/stats", "/public/en/nothing-here");
        for (String path : paths) {
            Api.Response answer = http.get(path);
            assertThat(answer.headers().keySet()).as(path).noneMatch(h -> h.equalsIgnoreCase("Set-Cookie"));
        }

        String username = fixtures.account(fixtures.organisation("CIVIL_SOCIETY"), "ANALYST");
        BrowserSession signedIn = BrowserSession.signedIn(port, username, Fixtures.PASSWORD, "fr");
        String session = signedIn.cookie("JSESSIONID");
        assertThat(session).isNotNull();
        for (String path : List.of("/public/en/", "/public/en/statements/" + slug, "/public/en/methodology", "/public/api/v1/stats")) {
            BrowserSession.Page asMember = signedIn.get(path);
            Api.Response asAnyone = http.get(path, "Accept-Language", "fr");
            assertThat(asMember.status()).as(path).isEqualTo(200);
            assertThat(asMember.body()).as(path).isEqualTo(asAnyone.body());
            assertThat(asMember.headers().keySet()).as(path).noneMatch(h -> h.equalsIgnoreCase("Set-Cookie"));
            assertThat(asMember.body()).as(path).doesNotContain(username, "logout", "Sign out", "Déconnexion");
        }
        assertThat(signedIn.cookie("JSESSIONID")).isEqualTo(session);
        assertThat(signedIn.get("/").status()).as("the application session still works").isEqualTo(200);
    }

    @Test
    void thePublicSiteNeverExposesAnApplicationPage() {
        for (String path : List.of("/public/en/reports", "/public/fr/login", "/public/reports", "/public/api/v1/reports",
                "/public/en/statements/", "/public/de/")) {
            Api.Response answer = http.get(path, "Accept", "text/html");
            assertThat(answer.status()).as(path).isEqualTo(404);
            Document page = html(answer);
            assertThat(page.select("body.public-site")).as(path).hasSize(1);
            assertThat(page.select("form")).as(path).isEmpty();
            assertThat(page.select("a[href]").eachAttr("href")).as(path).allMatch(PublicSiteTest::publicAddress);
        }
        Api.Response refused = http.get("/public/fr/%2e%2e/reports", "Accept", "text/html");
        assertThat(refused.status()).as("a path the firewall refuses").isEqualTo(400);
        Document refusal = html(refused);
        assertThat(refusal.select("body.public-site")).hasSize(1);
        assertThat(refusal.select("h1").text()).isEqualTo("Cette page n’a pas pu être affichée");
        assertThat(refusal.select("a[href]").eachAttr("href")).allMatch(PublicSiteTest::publicAddress);
        assertThat(refused.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Set-Cookie"));
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            assertThat(http.send(method, "/public/en/").status()).as(method).isEqualTo(403);
            assertThat(http.send(method, "/public/api/v1/statements").status()).as(method).isEqualTo(403);
        }
        String slug = slug("links");
        rows.write(statement(slug));
        for (String path : List.of("/public/en/", "/public/fr/statements/" + slug, "/public/en/statistics", "/public/fr/methodology")) {
            assertThat(html(http.get(path)).select("a[href]").eachAttr("href")).as(path).allMatch(PublicSiteTest::publicAddress);
        }
    }

    @Test
    void aStatementsTextCannotInjectMarkupIntoPagesOrFeeds() throws Exception {
        String slug = slug("markup");
        Texts hostile = new Texts("Title </title><script>alert(1)</script>", "<script>alert(2)</script> **bold** <img src=x onerror=alert(3)>",
                "[a link](javascript:alert(4))", "<iframe src=\"https://evil.example\"></iframe>", "ok", "ok");
        rows.write(statement(slug).laterDraft(hostile, hostile));
        rows.write(new StatementRows.Statement(panel, slug + "-h", hostile, hostile).classified(null, null, null));

        Document page = html(http.get("/public/en/statements/" + slug + "-h"));
        assertThat(page.select("script, iframe, img[onerror]")).isEmpty();
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(page.select("h1").text()).isEqualTo("Title </title><script>alert(1)</script>");
        assertThat(page.select("#what-happened + div").text()).as("shown as text, not run").contains("<script>alert(2)</script>");
        assertThat(page.title()).startsWith("Title </title><script>");

        String feed = http.get("/public/en/feed.atom").body();
        org.w3c.dom.Document atom = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.Element entry = entry(atom.getDocumentElement(), "Title </title><script>alert(1)</script>");
        Document content = Jsoup.parse(child(entry, "content"));
        assertThat(content.select("script, iframe, img[onerror], a[href^=javascript]")).isEmpty();
        assertThat(http.get("/public/api/v1/statements/" + slug + "-h").json().get("title").get("en").asText())
                .as("the API gives the text as written: escaping is the reader's business in JSON").startsWith("Title </title>");
    }

    @Test
    void aPageCostsTheSameNumberOfQueriesWhateverItHolds() {
        rows.write(statement(slug("cost")).correction(Duration.ofMinutes(3), "Un.", "One."));
        QueryCounter counter = new QueryCounter(dataSource);
        PublishedStatements model = new PublishedStatements(JdbcClient.create(counter.dataSource()), clock);
        model.page(1, 1);
        int forOne = counter.reset();
        for (int i = 0; i < 6; i++) {
            rows.write(statement(slug("cost")).correction(Duration.ofMinutes(2), "Deux.", "Two.").correction(Duration.ofMinutes(1), "Trois.", "Three."));
        }
        assertThat(model.page(1, 7).statements()).hasSize(7);
        assertThat(counter.reset()).as("queries for a page of 7").isEqualTo(forOne);
        model.all();
        int all = counter.reset();
        assertThat(all).as("the feed's and sitemap's read").isLessThanOrEqualTo(2);
        model.panels();
        assertThat(counter.reset()).as("the methodology's read").isEqualTo(2);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /** Counts the statements prepared through a data source. */
    static final class QueryCounter {
        private final javax.sql.DataSource target;
        private final java.util.concurrent.atomic.AtomicInteger prepared = new java.util.concurrent.atomic.AtomicInteger();

        QueryCounter(javax.sql.DataSource target) {
            this.target = target;
        }

        int reset() {
            return prepared.getAndSet(0);
        }

        javax.sql.DataSource dataSource() {
            return new org.springframework.jdbc.datasource.DelegatingDataSource(target) {
                @Override
                public java.sql.Connection getConnection() throws java.sql.SQLException {
                    java.sql.Connection connection = super.getConnection();
                    return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                                if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                                    prepared.incrementAndGet();
                                }
                                try {
                                    return method.invoke(connection, args);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A link the public site may show: its own pages, the public API, an anchor, or its absolute public addresses. */
    static boolean publicAddress(String href) {
        return href.startsWith("/public/") || href.startsWith("#") || href.startsWith(SITE + "/public/");
    }

    private static Document html(Api.Response response) {
        return Jsoup.parse(response.body());
    }

    /** The step between each heading and the one before it (1 = one level deeper; negative = back up). */
    private static List<Integer> headingLevels(Document page) {
        List<Integer> steps = new java.util.ArrayList<>();
        int previous = 0;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = Integer.parseInt(heading.tagName().substring(1));
            steps.add(level - previous);
            previous = level;
        }
        return steps;
    }

    private static long count(JsonNode stats, String field, String key) {
        for (JsonNode bucket : stats.get(field)) {
            if (bucket.get("key").asText().equals(key)) {
                return bucket.get("count").asLong();
            }
        }
        throw new AssertionError("no bucket " + key + " in " + field);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static String child(org.w3c.dom.Element parent, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof org.w3c.dom.Element e && PublicFeeds.ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static List<String> links(org.w3c.dom.Element parent) {
        List<String> links = new java.util.ArrayList<>();
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof org.w3c.dom.Element e && "link".equals(e.getLocalName())) {
                links.add(e.getAttribute("rel") + " " + e.getAttribute("type") + " " + e.getAttribute("href"));
            }
        }
        return links;
    }

    private static org.w3c.dom.Element entry(org.w3c.dom.Element feed, String title) {
        NodeList entries = feed.getElementsByTagNameNS(PublicFeeds.ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
            if (title.equals(child(entry, "title"))) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + title);
    }
}
