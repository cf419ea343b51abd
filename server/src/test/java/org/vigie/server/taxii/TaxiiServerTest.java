package org.vigie.server.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * TAXII 2.1 conformance, as a TAXII client sees the server: discovery, collections per client,
 * pagination, every filter, the media-type and bad-input errors, POST and status, DELETE, and the
 * visibility policy and TLP ceiling on every object, manifest entry and version.
 */
@VigieTest
class TaxiiServerTest {

    static final String ROOT = "/taxii2/api/";
    static final String EVERYTHING = "8e6f7a1c-4c2d-4e5b-9a7f-3d2b1c0e9f01";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    UUID orgA;
    UUID orgB;
    UUID orgC;
    UUID community;
    String analystA;
    String tokenA;
    Api restA;
    TaxiiClient taxiiA;
    TaxiiClient taxiiB;
    TaxiiClient taxiiC;
    TaxiiClient viewerA;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        orgA = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        orgB = fixtures.organisation("GOVERNMENT_AGENCY");
        orgC = fixtures.organisation("MEDIA");
        Api adminA = fixtures.signedIn(fixtures.account(orgA, "ADMINISTRATOR"));
        Api adminB = fixtures.signedIn(fixtures.account(orgB, "ADMINISTRATOR"));
        Api.Response created = adminA.post("/api/v1/communities", Map.of("name", Fixtures.unique("Cell"),
                "purpose", "Coordinates the response during the campaign",
                "charter", Map.of("preamble", "Members share what they see.", "objectives",
                        List.of(Map.of("sectors", List.of("ELECTION_MANAGEMENT_BODY"), "kinds", List.of("INCIDENTS"), "defaultTlp", "AMBER")))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        community = UUID.fromString(created.json().get("id").asText());
        assertThat(adminA.post("/api/v1/communities/" + community + "/members", Map.of("organisationId", orgB.toString())).status())
                .isEqualTo(201);
        assertThat(adminB.post("/api/v1/communities/" + community + "/charter/accept", "").status()).isLessThan(300);

        analystA = fixtures.account(orgA, "ANALYST");
        tokenA = TaxiiClient.token(port, analystA);
        restA = Api.anonymous(port).bearer(tokenA);
        taxiiA = TaxiiClient.anonymous(port).bearer(tokenA);
        taxiiB = TaxiiClient.anonymous(port).bearer(TaxiiClient.token(port, fixtures.account(orgB, "ANALYST")));
        taxiiC = TaxiiClient.anonymous(port).bearer(TaxiiClient.token(port, fixtures.account(orgC, "ANALYST")));
        viewerA = TaxiiClient.anonymous(port).bearer(TaxiiClient.token(port, fixtures.account(orgA, "VIEWER")));
    }

    // ---- fixtures ------------------------------------------------------------------------------

    static String id(String type) {
        return type + "--" + UUID.randomUUID();
    }

    static Map<String, Object> indicator(String id, String modified) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", id);
        indicator.put("created", "2027-03-01T10:00:00.000Z");
        indicator.put("modified", modified);
        indicator.put("name", "Fake voter portal");
        indicator.put("pattern", "[url:value = 'https://vote-valdoria.example/login']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", "2027-03-01T10:00:00Z");
        return indicator;
    }

    static Map<String, Object> malware(String id) {
        Map<String, Object> malware = new LinkedHashMap<>();
        malware.put("type", "malware");
        malware.put("spec_version", "2.1");
        malware.put("id", id);
        malware.put("created", "2027-03-01T10:00:00.000Z");
        malware.put("modified", "2027-03-01T10:00:00.000Z");
        malware.put("name", "Ballot stuffer");
        malware.put("is_family", false);
        return malware;
    }

    /** Stores objects through the REST API as analyst A, with this marking and distribution query. */
    List<String> storeA(String query, List<Map<String, Object>> objects) {
        Api.Response stored = restA.post("/api/v1/objects?" + query, Map.of("type", "bundle", "id", id("bundle"), "objects", objects));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return objects.stream().map(o -> (String) o.get("id")).toList();
    }

    String storeA(String query) {
        return storeA(query, List.of(indicator(id("indicator"), "2027-03-01T10:00:00.000Z"))).get(0);
    }

    static String objects(String collection) {
        return ROOT + "collections/" + collection + "/objects/";
    }

    static List<String> ids(Api.Response envelope) {
        assertThat(envelope.status()).as(envelope.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        envelope.json().path("objects").forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void assertTaxiiError(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/taxii+json").contains("version=2.1");
        assertThat(response.json().get("http_status").asText()).isEqualTo(String.valueOf(status));
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("description").asText()).isNotBlank();
    }

    // ---- discovery, API root, collections --------------------------------------------------------

    @Test
    void discoveryNamesTheOneApiRootWhichAdvertisesTaxii21AndItsMaxContentLength() {
        Api.Response discovery = taxiiA.get("/taxii2/");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.header("Content-Type")).isEqualTo(TaxiiClient.TAXII);
        String root = "http://127.0.0.1:" + port + ROOT;
        assertThat(discovery.json().get("default").asText()).isEqualTo(root);
        assertThat(discovery.json().get("api_roots")).extracting(JsonNode::asText).containsExactly(root);
        assertThat(discovery.json().get("title").asText()).isNotBlank();

        Api.Response apiRoot = taxiiA.get(ROOT);
        assertThat(apiRoot.status()).isEqualTo(200);
        assertThat(apiRoot.json().get("versions")).extracting(JsonNode::asText).containsExactly(TaxiiClient.TAXII);
        assertThat(apiRoot.json().get("max_content_length").asLong()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void eachClientHasItsOrganisationItsActiveCommunitiesAndEverythingItMayRead() {
        JsonNode a = taxiiA.get(ROOT + "collections/").json().get("collections");
        assertThat(a).extracting(c -> c.get("id").asText()).containsExactlyInAnyOrder(orgA.toString(), community.toString(), EVERYTHING);
        JsonNode b = taxiiB.get(ROOT + "collections/").json().get("collections");
        assertThat(b).extracting(c -> c.get("id").asText()).containsExactlyInAnyOrder(orgB.toString(), community.toString(), EVERYTHING);
        JsonNode c = taxiiC.get(ROOT + "collections/").json().get("collections");
        assertThat(c).extracting(x -> x.get("id").asText()).containsExactlyInAnyOrder(orgC.toString(), EVERYTHING);

        for (JsonNode collection : a) {
            assertThat(collection.get("can_read").asBoolean()).isTrue();
            assertThat(collection.get("can_write").asBoolean()).isEqualTo(!collection.get("id").asText().equals(EVERYTHING));
            assertThat(collection.get("media_types")).extracting(JsonNode::asText).containsExactly("application/stix+json;version=2.1");
        }
        JsonNode viewers = viewerA.get(ROOT + "collections/").json().get("collections");
        assertThat(viewers).allSatisfy(x -> assertThat(x.get("can_write").asBoolean()).as("a viewer reads only").isFalse());

        Api.Response one = taxiiA.get(ROOT + "collections/" + community + "/");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("title").asText()).startsWith("Community ");
    }

    @Test
    void anotherOrganisationsCollectionAndACommunityTheClientIsNotInAnswer404() {
        storeA("tlp=GREEN&community=" + community);
        for (String path : List.of(ROOT + "collections/" + orgA + "/", objects(orgA.toString()), ROOT + "collections/" + orgA + "/manifest/",
                ROOT + "collections/" + community + "/", objects(community.toString()), ROOT + "collections/" + community + "/manifest/",
                objects(UUID.randomUUID().toString()), objects("not-a-uuid"))) {
            assertTaxiiError(taxiiC.get(path), 404);
        }
        assertTaxiiError(taxiiB.get(objects(orgA.toString())), 404);
        assertTaxiiError(taxiiC.post(objects(orgA.toString()), "{\"objects\":[]}"), 404);
    }

    // ---- pagination -----------------------------------------------------------------------------

    @Test
    void threePagesWithLimitAndAStableNextThatObjectsAddedBetweenPagesDoNotShift() {
        List<String> stored = new ArrayList<>();
        stored.addAll(storeA("tlp=AMBER", List.of(indicator(id("indicator"), "2027-03-01T10:00:00.000Z"),
                indicator(id("indicator"), "2027-03-01T10:00:00.000Z"), indicator(id("indicator"), "2027-03-01T10:00:00.000Z"))));
        stored.addAll(storeA("tlp=GREEN", List.of(indicator(id("indicator"), "2027-03-01T10:00:00.000Z"),
                indicator(id("indicator"), "2027-03-01T10:00:00.000Z"))));
        stored.add(storeA("tlp=CLEAR"));
        stored.add(storeA("tlp=AMBER"));
        String collection = objects(orgA.toString());

        Api.Response first = taxiiA.get(collection + "?limit=3");
        assertThat(first.json().get("more").asBoolean()).isTrue();
        String next = first.json().get("next").asText();
        assertThat(ids(first)).hasSize(3);
        assertThat(first.header("X-TAXII-Date-Added-First")).isNotNull();
        assertThat(first.header("X-TAXII-Date-Added-Last")).isNotNull();

        List<String> added = storeA("tlp=AMBER", List.of(indicator(id("indicator"), "2027-03-01T10:00:00.000Z"),
                indicator(id("indicator"), "2027-03-01T10:00:00.000Z")));

        Api.Response second = taxiiA.get(collection + "?limit=3&next=" + encode(next));
        assertThat(ids(second)).hasSize(3);
        assertThat(second.json().get("more").asBoolean()).isTrue();
        Api.Response again = taxiiA.get(collection + "?limit=3&next=" + encode(next));
        assertThat(ids(again)).as("the same next gives the same page").isEqualTo(ids(second));

        Api.Response third = taxiiA.get(collection + "?limit=3&next=" + encode(second.json().get("next").asText()));
        assertThat(third.json().get("more").asBoolean()).isFalse();
        assertThat(third.json().has("next")).isFalse();

        List<String> walked = new ArrayList<>();
        walked.addAll(ids(first));
        walked.addAll(ids(second));
        walked.addAll(ids(third));
        List<String> expected = new ArrayList<>(stored);
        expected.addAll(added);
        assertThat(walked).as("every object once, none skipped, the new ones after the old").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(walked.subList(7, 9)).containsExactlyInAnyOrderElementsOf(added);
        assertThat(walked.subList(0, 7)).containsExactlyInAnyOrderElementsOf(stored);
        // pages are in date-added order: each page starts at or after the previous page's last date added
        assertThat(second.header("X-TAXII-Date-Added-First")).isGreaterThanOrEqualTo(first.header("X-TAXII-Date-Added-Last"));
        assertThat(third.header("X-TAXII-Date-Added-First")).isGreaterThanOrEqualTo(second.header("X-TAXII-Date-Added-Last"));
    }

    @Test
    void aBadNextANegativeOrNonNumericLimitAndMalformedFiltersAre400sNamingTheParameter() {
        storeA("tlp=AMBER", List.of(indicator(id("indicator"), "2027-03-01T10:00:00.000Z"), indicator(id("indicator"), "2027-03-01T10:00:00.000Z")));
        String collection = objects(orgA.toString());
        String next = taxiiA.get(collection + "?limit=1").json().get("next").asText();

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("limit=-1", "limit");
        bad.put("limit=0", "limit");
        bad.put("limit=ten", "limit");
        bad.put("next=garbage", "next");
        bad.put("next=" + encode(next.substring(0, next.length() - 2) + (next.endsWith("AA") ? "BB" : "AA")), "next");
        bad.put("next=" + encode(next.replace('.', '_')), "next");
        bad.put("added_after=yesterday", "added_after");
        bad.put("added_after=2027-03-01T10:00:00", "added_after");
        bad.put("match[version]=newest", "match[version]");
        bad.put("match[id]=not-an-id", "match[id]");
        bad.put("match[type]=Indicator!", "match[type]");
        bad.put("match[spec_version]=two", "match[spec_version]");
        bad.put("match[type]=indicator,,malware", "match[type]");
        for (Map.Entry<String, String> query : bad.entrySet()) {
            Api.Response response = taxiiA.get(collection + "?" + query.getKey().replace("[", "%5B").replace("]", "%5D"));
            assertTaxiiError(response, 400);
            assertThat(response.json().get("description").asText()).as(query.getKey()).startsWith(query.getValue() + ":");
        }
        // a next is bound to its collection and endpoint
        assertTaxiiError(taxiiA.get(objects(EVERYTHING) + "?limit=1&next=" + encode(next)), 400);
        assertTaxiiError(taxiiA.get(ROOT + "collections/" + orgA + "/manifest/?limit=1&next=" + encode(next)), 400);
    }

    // ---- filters --------------------------------------------------------------------------------

    @Test
    void addedAfterMatchIdAndMatchTypeSelectWhatTheySay() {
        List<String> early = storeA("tlp=AMBER", List.of(indicator(id("indicator"), "2027-03-01T10:00:00.000Z"), malware(id("malware"))));
        String last = taxiiA.get(objects(orgA.toString())).header("X-TAXII-Date-Added-Last");
        List<String> late = storeA("tlp=AMBER", List.of(indicator(id("indicator"), "2027-03-01T10:00:00.000Z"), malware(id("malware"))));
        String collection = objects(orgA.toString());

        assertThat(ids(taxiiA.get(collection + "?added_after=" + last))).containsExactlyInAnyOrderElementsOf(late);
        assertThat(ids(taxiiA.get(collection + "?match%5Bid%5D=" + early.get(0) + "," + late.get(1))))
                .containsExactlyInAnyOrder(early.get(0), late.get(1));
        assertThat(ids(taxiiA.get(collection + "?match%5Bid%5D=" + early.get(0) + "&match%5Bid%5D=" + late.get(0))))
                .containsExactlyInAnyOrder(early.get(0), late.get(0));
        assertThat(ids(taxiiA.get(collection + "?match%5Btype%5D=malware"))).containsExactlyInAnyOrder(early.get(1), late.get(1));
        assertThat(ids(taxiiA.get(collection + "?match%5Btype%5D=malware,indicator"))).hasSize(4);
        assertThat(ids(taxiiA.get(collection + "?match%5Btype%5D=malware&added_after=" + last))).containsExactly(late.get(1));
        assertThat(ids(taxiiA.get(ROOT + "collections/" + orgA + "/manifest/?match%5Btype%5D=indicator")))
                .containsExactlyInAnyOrder(early.get(0), late.get(0));
    }

    @Test
    void matchVersionSelectsFirstLastAllOrTimestampsAndMatchSpecVersionFilters() {
        String id = id("indicator");
        storeA("tlp=AMBER", List.of(indicator(id, "2027-03-01T10:00:00.000Z")));
        storeA("tlp=AMBER", List.of(indicator(id, "2027-03-02T10:00:00.000Z")));
        storeA("tlp=AMBER", List.of(indicator(id, "2027-03-03T10:00:00.000Z")));
        String collection = objects(orgA.toString()) + "?match%5Bid%5D=" + id;

        assertThat(versions(taxiiA.get(collection))).as("last by default").containsExactly("2027-03-03T10:00:00.000Z");
        assertThat(versions(taxiiA.get(collection + "&match%5Bversion%5D=last"))).containsExactly("2027-03-03T10:00:00.000Z");
        assertThat(versions(taxiiA.get(collection + "&match%5Bversion%5D=first"))).containsExactly("2027-03-01T10:00:00.000Z");
        assertThat(versions(taxiiA.get(collection + "&match%5Bversion%5D=all"))).hasSize(3);
        assertThat(versions(taxiiA.get(collection + "&match%5Bversion%5D=first,last")))
                .containsExactlyInAnyOrder("2027-03-01T10:00:00.000Z", "2027-03-03T10:00:00.000Z");
        assertThat(versions(taxiiA.get(collection + "&match%5Bversion%5D=2027-03-02T10:00:00.000Z")))
                .containsExactly("2027-03-02T10:00:00.000Z");
        assertThat(versions(taxiiA.get(collection + "&match%5Bversion%5D=2027-03-02T10:00:00Z,first")))
                .containsExactlyInAnyOrder("2027-03-01T10:00:00.000Z", "2027-03-02T10:00:00.000Z");
        assertThat(versions(taxiiA.get(collection + "&match%5Bspec_version%5D=2.1&match%5Bversion%5D=all"))).hasSize(3);
        Api.Response none = taxiiA.get(collection + "&match%5Bspec_version%5D=2.0");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().has("objects")).as("an empty page leaves the list out").isFalse();
        assertThat(none.json().get("more").asBoolean()).isFalse();

        String object = ROOT + "collections/" + orgA + "/objects/" + id + "/";
        assertThat(versions(taxiiA.get(object))).containsExactly("2027-03-03T10:00:00.000Z");
        assertThat(versions(taxiiA.get(object + "?match%5Bversion%5D=all"))).hasSize(3);
        Api.Response listed = taxiiA.get(object + "versions/");
        assertThat(listed.json().get("versions")).extracting(JsonNode::asText)
                .containsExactly("2027-03-01T10:00:00.000Z", "2027-03-02T10:00:00.000Z", "2027-03-03T10:00:00.000Z");
        assertThat(listed.header("X-TAXII-Date-Added-First")).isNotNull();
        Api.Response paged = taxiiA.get(object + "versions/?limit=2");
        assertThat(paged.json().get("versions")).hasSize(2);
        assertThat(taxiiA.get(object + "versions/?limit=2&next=" + encode(paged.json().get("next").asText())).json().get("versions"))
                .extracting(JsonNode::asText).containsExactly("2027-03-03T10:00:00.000Z");

        JsonNode manifest = taxiiA.get(ROOT + "collections/" + orgA + "/manifest/?match%5Bid%5D=" + id + "&match%5Bversion%5D=all").json();
        assertThat(manifest.get("objects")).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.get("id").asText()).isEqualTo(id);
            assertThat(entry.get("media_type").asText()).isEqualTo("application/stix+json;version=2.1");
            assertThat(entry.get("date_added").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        });
        assertThat(manifest.get("objects")).extracting(e -> e.get("version").asText()).containsExactlyInAnyOrder(
                "2027-03-01T10:00:00.000Z", "2027-03-02T10:00:00.000Z", "2027-03-03T10:00:00.000Z");
        String dateAdded = jdbc.sql("SELECT added_at FROM stix_objects WHERE stix_id = :id AND modified = '2027-03-02T10:00:00Z'")
                .param("id", id).query(java.sql.Timestamp.class).single().toInstant().toString();
        assertThat(manifest.get("objects")).anySatisfy(e -> assertThat(java.time.Instant.parse(e.get("date_added").asText()).toString())
                .isEqualTo(dateAdded));
    }

    @Test
    void filterBracketsMayBeSentUnencodedAsCurlGSendsThem() throws Exception {
        String wanted = storeA("tlp=AMBER");
        storeA("tlp=AMBER");
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) new java.net.URL(
                "http://127.0.0.1:" + port + objects(orgA.toString()) + "?match[id]=" + wanted).openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + tokenA);
        connection.setRequestProperty("Accept", TaxiiClient.TAXII);
        assertThat(connection.getResponseCode()).isEqualTo(200);
        JsonNode envelope = new com.fasterxml.jackson.databind.ObjectMapper().readTree(connection.getInputStream());
        assertThat(envelope.get("objects")).extracting(o -> o.get("id").asText()).containsExactly(wanted);
    }

    static List<String> versions(Api.Response envelope) {
        assertThat(envelope.status()).as(envelope.toString()).isEqualTo(200);
        List<String> versions = new ArrayList<>();
        envelope.json().path("objects").forEach(o -> versions.add(o.get("modified").asText()));
        return versions;
    }

    // ---- media types, sizes, authentication -----------------------------------------------------------

    @Test
    void anUnacceptableAcceptIs406AndAPostOfAnotherContentTypeIs415() {
        for (String accept : List.of("application/json", "application/taxii+json;version=2.0", "text/html", "application/stix+json")) {
            assertTaxiiError(taxiiA.get("/taxii2/", accept), 406);
            assertTaxiiError(taxiiA.get(objects(orgA.toString()), accept), 406);
        }
        for (String accept : List.of("application/taxii+json", "application/taxii+json;version=2.1", "*/*",
                "application/json;q=0.5, application/taxii+json;version=2.1")) {
            assertThat(taxiiA.get(ROOT, accept).status()).as(accept).isEqualTo(200);
        }
        assertThat(taxiiA.get(ROOT, null).status()).as("no Accept at all").isEqualTo(200);
        String envelope = "{\"objects\":[" + json(indicator(id("indicator"), "2027-03-01T10:00:00.000Z")) + "]}";
        for (String type : List.of("application/json", "application/stix+json;version=2.1", "application/taxii+json;version=2.0", "text/plain")) {
            assertTaxiiError(taxiiA.post(objects(orgA.toString()), type, envelope), 415);
        }
        assertThat(taxiiA.post(objects(orgA.toString()), "application/taxii+json", envelope).status()).isEqualTo(202);
    }

    @Test
    void aPostAboveMaxContentLengthIs413WithOrWithoutAContentLength() {
        byte[] large = ("{\"objects\":[\"" + "x".repeat(10 * 1024 * 1024) + "\"]}").getBytes(StandardCharsets.UTF_8);
        assertTaxiiError(taxiiA.postBytes(objects(orgA.toString()), large), 413);
        assertTaxiiError(taxiiA.postChunked(objects(orgA.toString()), large), 413);
        assertThat(jdbc.sql("SELECT count(*) FROM stix_objects WHERE owner_organisation = :o").param("o", orgA).query(Long.class).single())
                .isZero();
    }

    @Test
    void bearerTokensAndBasicWithTheTokenAsPasswordAuthenticateAndNothingElseDoes() {
        assertThat(TaxiiClient.anonymous(port).bearer(tokenA).get(ROOT + "collections/").status()).isEqualTo(200);
        assertThat(TaxiiClient.anonymous(port).basic(analystA, tokenA).get(ROOT + "collections/").status()).isEqualTo(200);

        Api.Response anonymous = TaxiiClient.anonymous(port).get("/taxii2/");
        assertTaxiiError(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).contains("Bearer").contains("Basic");
        assertTaxiiError(TaxiiClient.anonymous(port).basic(analystA, Fixtures.PASSWORD).get(ROOT), 401);
        assertTaxiiError(TaxiiClient.anonymous(port).basic("someone-else", tokenA).get(ROOT), 401);
        assertTaxiiError(TaxiiClient.anonymous(port).bearer("vigie_not-a-real-token").get(ROOT), 401);
        assertThat(TaxiiClient.anonymous(port).get("/taxii2/").header("Set-Cookie")).as("stateless").isNull();
    }

    // ---- POST and status --------------------------------------------------------------------------

    @Test
    void aPostIsAcceptedWith202AndAStatusListingEachObjectsOutcome() {
        String unmarked = id("indicator");
        String red = id("indicator");
        String broken = id("indicator");
        Map<String, Object> redObject = indicator(red, "2027-03-01T10:00:00.000Z");
        redObject.put("object_marking_refs", List.of(Tlp.RED.markingDefinitionId()));
        Map<String, Object> brokenObject = indicator(broken, "2027-03-01T10:00:00.000Z");
        brokenObject.remove("pattern");
        String envelope = "{\"objects\":[" + json(indicator(unmarked, "2027-03-01T10:00:00.000Z")) + "," + json(redObject) + ","
                + json(brokenObject) + "]}";

        Api.Response posted = taxiiA.post(objects(community.toString()), envelope);

        assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
        assertThat(posted.header("Content-Type")).isEqualTo(TaxiiClient.TAXII);
        JsonNode status = posted.json();
        assertThat(status.get("status").asText()).isEqualTo("complete");
        assertThat(status.get("total_count").asInt()).isEqualTo(3);
        assertThat(status.get("success_count").asInt()).isEqualTo(1);
        assertThat(status.get("failure_count").asInt()).isEqualTo(2);
        assertThat(status.get("pending_count").asInt()).isZero();
        assertThat(status.get("successes").get(0).get("id").asText()).isEqualTo(unmarked);
        assertThat(status.get("successes").get(0).get("version").asText()).isEqualTo("2027-03-01T10:00:00.000Z");
        assertThat(status.get("failures")).anySatisfy(f -> {
            assertThat(f.get("id").asText()).isEqualTo(red);
            assertThat(f.get("message").asText()).contains("TLP:RED");
        });
        assertThat(status.get("failures")).anySatisfy(f -> {
            assertThat(f.get("id").asText()).isEqualTo(broken);
            assertThat(f.get("version").asText()).isEqualTo("2027-03-01T10:00:00.000Z");
            assertThat(f.get("message").asText()).contains("/objects/2").contains("pattern");
        });

        Api.Response again = taxiiA.get(ROOT + "status/" + status.get("id").asText() + "/");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(status);
        assertTaxiiError(taxiiB.get(ROOT + "status/" + status.get("id").asText() + "/"), 404);

        JsonNode shared = taxiiB.get(ROOT + "collections/" + community + "/objects/" + unmarked + "/").json().get("objects").get(0);
        assertThat(shared.get("object_marking_refs")).extracting(JsonNode::asText).contains(Tlp.GREEN.markingDefinitionId());
        assertTaxiiError(taxiiA.get(ROOT + "collections/" + orgA + "/objects/" + red + "/"), 404);

        String posting = id("indicator");
        taxiiA.post(objects(orgA.toString()), "{\"objects\":[" + json(indicator(posting, "2027-03-01T10:00:00.000Z")) + "]}");
        JsonNode own = taxiiA.get(ROOT + "collections/" + orgA + "/objects/" + posting + "/").json().get("objects").get(0);
        assertThat(own.get("object_marking_refs")).extracting(JsonNode::asText).contains(Tlp.AMBER.markingDefinitionId());
        assertTaxiiError(taxiiB.get(ROOT + "collections/" + EVERYTHING + "/objects/" + posting + "/"), 404);
    }

    @Test
    void writingNeedsAWritableCollectionAndAWellFormedEnvelope() {
        String envelope = "{\"objects\":[" + json(indicator(id("indicator"), "2027-03-01T10:00:00.000Z")) + "]}";
        assertTaxiiError(taxiiA.post(objects(EVERYTHING), envelope), 403);
        assertTaxiiError(viewerA.post(objects(orgA.toString()), envelope), 403);
        assertTaxiiError(taxiiA.post(objects(orgA.toString()), "{\"objects\": [ {"), 400);
        assertTaxiiError(taxiiA.post(objects(orgA.toString()), "[]"), 400);
        assertTaxiiError(taxiiA.post(objects(orgA.toString()), "{\"objects\":[]}"), 400);
    }

    // ---- the visibility policy and the TLP ceiling -----------------------------------------------------

    @Test
    void anAmberObjectOfAnotherOrganisationIsInNoListingManifestOrVersionsOfTheClient() {
        String amber = storeA("tlp=AMBER&community=" + community); // shared into the community, but AMBER names no organisation
        String green = storeA("tlp=GREEN&community=" + community);
        String clear = storeA("tlp=CLEAR");

        for (String collection : List.of(community.toString(), EVERYTHING)) {
            List<String> listed = ids(taxiiB.get(objects(collection)));
            assertThat(listed).doesNotContain(amber);
            assertThat(ids(taxiiB.get(ROOT + "collections/" + collection + "/manifest/?match%5Bversion%5D=all"))).doesNotContain(amber);
            assertTaxiiError(taxiiB.get(ROOT + "collections/" + collection + "/objects/" + amber + "/"), 404);
            assertTaxiiError(taxiiB.get(ROOT + "collections/" + collection + "/objects/" + amber + "/versions/"), 404);
            assertThat(ids(taxiiB.get(objects(collection) + "?match%5Bid%5D=" + amber + "&match%5Bversion%5D=all"))).isEmpty();
        }
        assertThat(ids(taxiiB.get(objects(community.toString())))).contains(green).doesNotContain(clear);
        assertThat(ids(taxiiB.get(objects(EVERYTHING)))).contains(green, clear);
        assertThat(ids(taxiiC.get(objects(EVERYTHING)))).contains(clear).doesNotContain(green, amber);
        assertThat(ids(taxiiA.get(objects(orgA.toString())))).contains(amber, green, clear);

        String named = storeA("tlp=AMBER&organisation=" + orgB);
        assertThat(ids(taxiiB.get(objects(EVERYTHING)))).contains(named);
        assertThat(ids(taxiiC.get(objects(EVERYTHING)))).doesNotContain(named);
    }

    @Test
    void amberStrictAndRedObjectsAreNeverServedOverTaxiiNotEvenToTheirOwner() {
        String strict = storeA("tlp=AMBER_STRICT&organisation=" + orgB);
        String red = storeA("tlp=RED");
        for (TaxiiClient client : List.of(taxiiA, taxiiB)) {
            for (String collection : List.of(orgA.toString(), community.toString(), EVERYTHING)) {
                Api.Response listed = client.get(objects(collection) + "?match%5Bversion%5D=all");
                if (listed.status() == 404) {
                    continue; // B has no collection of organisation A
                }
                assertThat(ids(listed)).doesNotContain(strict, red);
                assertThat(ids(client.get(ROOT + "collections/" + collection + "/manifest/?match%5Bversion%5D=all")))
                        .doesNotContain(strict, red);
                assertTaxiiError(client.get(ROOT + "collections/" + collection + "/objects/" + red + "/"), 404);
                assertTaxiiError(client.get(ROOT + "collections/" + collection + "/objects/" + strict + "/versions/"), 404);
            }
        }
        assertThat(restA.get("/api/v1/objects/" + red).status()).as("still readable in Vigie itself").isEqualTo(200);
    }

    // ---- DELETE ----------------------------------------------------------------------------------

    @Test
    void onlyTheOwnerDeletesVersionsAndTheDeletionIsAudited() {
        String id = id("indicator");
        storeA("tlp=GREEN&community=" + community, List.of(indicator(id, "2027-03-01T10:00:00.000Z")));
        storeA("tlp=GREEN&community=" + community, List.of(indicator(id, "2027-03-02T10:00:00.000Z")));
        String inCommunity = ROOT + "collections/" + community + "/objects/" + id + "/";

        assertTaxiiError(taxiiB.delete(inCommunity), 403);
        assertTaxiiError(viewerA.delete(ROOT + "collections/" + orgA + "/objects/" + id + "/"), 403);
        assertTaxiiError(taxiiC.delete(ROOT + "collections/" + EVERYTHING + "/objects/" + id + "/"), 404);
        assertTaxiiError(taxiiA.delete(ROOT + "collections/" + EVERYTHING + "/objects/" + id + "/"), 403);

        Api.Response first = taxiiA.delete(inCommunity + "?match%5Bversion%5D=first");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(taxiiB.get(inCommunity + "versions/").json().get("versions")).extracting(JsonNode::asText)
                .containsExactly("2027-03-02T10:00:00.000Z");
        assertThat(taxiiA.delete(inCommunity).status()).isEqualTo(200);
        assertTaxiiError(taxiiB.get(inCommunity), 404);
        assertTaxiiError(taxiiA.delete(inCommunity), 404);

        List<String> audited = jdbc.sql("SELECT details FROM audit_log WHERE action = 'taxii.object-deleted' AND target_id = :id ORDER BY sequence")
                .param("id", id).query(String.class).list();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0)).contains("2027-03-01T10:00:00.000Z");
        assertThat(audited.get(1)).contains("2027-03-02T10:00:00.000Z");
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
