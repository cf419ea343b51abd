package org.vigie.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class DisarmPagesTest {

    private static final String ATTRIBUTION = "DISARM Framework \u00a9 DISARM Foundation, CC BY-SA 4.0";
    private static final String LICENCE = "href=\"https://creativecommons.org/licenses/by-sa/4.0/\"";

    @LocalServerPort
    int port;

    Fixtures fixtures;
    BrowserSession viewer;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        viewer = BrowserSession.signedIn(port, fixtures.account(fixtures.organisation("MEDIA"), "VIEWER"), Fixtures.PASSWORD);
    }

    private static List<String> all(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void theMatrixHasSixteenTacticColumnsUnderTheirPhases() {
        BrowserSession.Page page = viewer.get("/disarm");

        assertThat(page.status()).isEqualTo(200);
        assertThat(all(page.body(), "<th[^>]*class=\"tactic\"[^>]*data-tactic=\"(TA\\d\\d)\"")).containsExactly("TA01", "TA02",
                "TA13", "TA14", "TA06", "TA15", "TA16", "TA05", "TA07", "TA08", "TA09", "TA17", "TA18", "TA10", "TA11", "TA12");
        assertThat(all(page.body(), "colspan=\"(\\d+)\"[^>]*data-phase")).containsExactly("3", "6", "6", "1");
        assertThat(page.text()).contains("Plan", "Prepare", "Execute", "Assess", "Plan Strategy", "Maximise Exposure",
                "391 techniques and sub-techniques in 16 tactics");
        assertThat(all(page.body(), "data-technique=\"(T[\\d.]+)\"")).hasSize(391).doesNotHaveDuplicates();
        assertThat(page.body()).contains("href=\"/disarm/techniques/T0049\"", "href=\"/disarm/techniques/T0049.001\"")
                .contains("8 sub-techniques")
                .contains("id=\"disarm-search\"")
                .doesNotContain("<details open");
    }

    @Test
    void theMatrixNamesItsSourceAndLicenceAndLeadsToTheTaxonomy() {
        BrowserSession.Page page = viewer.get("/disarm");

        assertThat(page.text()).contains(ATTRIBUTION, "DISARM v1.6");
        assertThat(page.body()).contains(LICENCE, "rel=\"license\"", "href=\"/reference/taxonomy\"");
        assertThat(page.body()).as("navigation").contains("<a href=\"/disarm\">DISARM</a>");
    }

    @Test
    void searchingT0049KeepsItAndItsSubtechniquesAndCountsThem() {
        BrowserSession.Page page = viewer.get("/disarm?q=T0049");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("9 techniques match \u201cT0049\u201d");
        assertThat(page.body()).contains("value=\"T0049\"");
        assertThat(all(page.body(), "class=\"tactic\"[^>]*data-tactic=\"(TA\\d\\d)\"")).hasSize(16);
        assertThat(all(page.body(), "data-technique=\"(T[\\d.]+)\"")).startsWith("T0049", "T0049.001").hasSize(9);
        assertThat(page.body()).containsPattern("class=\"technique match\"[^>]*data-technique=\"T0049\"")
                .contains("<details open")
                .doesNotContain("data-technique=\"T0073\"");
    }

    @Test
    void subtechniquesFoundByNameShowUnderTheirParents() {
        BrowserSession.Page page = viewer.get("/disarm?q=existing+hashtag");

        assertThat(page.text()).contains("2 techniques match \u201cexisting hashtag\u201d");
        assertThat(all(page.body(), "data-technique=\"(T[\\d.]+)\"")).containsExactly("T0015", "T0015.001", "T0049", "T0049.002");
        assertThat(page.body()).containsPattern("class=\"technique\"[^>]*data-technique=\"T0049\"")
                .containsPattern("class=\"technique sub match\"[^>]*data-technique=\"T0049.002\"")
                .doesNotContain("data-technique=\"T0049.001\"");
    }

    @Test
    void aSearchWithoutResultSaysSo() {
        BrowserSession.Page page = viewer.get("/disarm?q=xyzzy-nothing-here");

        assertThat(page.text()).contains("No technique matches \u201cxyzzy-nothing-here\u201d");
        assertThat(all(page.body(), "data-technique=\"(T[\\d.]+)\"")).isEmpty();
    }

    @Test
    void htmxGetsOnlyTheResults() {
        BrowserSession.Page fragment = viewer.get("/disarm?q=T0049", "HX-Request", "true");

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.header("Vary")).contains("HX-Request");
        assertThat(fragment.body()).startsWith("<div id=\"disarm-results\"").doesNotContain("<html", "<nav")
                .contains("9 techniques match", "data-technique=\"T0049\"");
    }

    @Test
    void whatIsTypedIsShownBackEscaped() {
        BrowserSession.Page page = viewer.get("/disarm?q=%3Cscript%3Ex%3C%2Fscript%3E");

        assertThat(page.body()).doesNotContain("<script>x</script>").contains("&lt;script&gt;x&lt;/script&gt;");
    }

    @Test
    void aTechniquePageShowsItsTacticPhaseCountermeasuresAndAttribution() {
        BrowserSession.Page page = viewer.get("/disarm/techniques/T0002");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("T0002", "Facilitate State Propaganda", "Organise citizens around pro-state messaging",
                "TA02", "Plan Objectives", "P01", "Plan", ATTRIBUTION);
        assertThat(page.body()).contains(LICENCE,
                "href=\"https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/T0002.md\"");
        assertThat(page.body()).contains("id=\"countermeasures\"", "data-countermeasure=\"C00009\"");
        assertThat(page.text()).contains("15 countermeasures", "Educate high profile influencers on best practices");
    }

    @Test
    void aTechniquePageListsItsSubtechniquesAndOneItsParent() {
        BrowserSession.Page flood = viewer.get("/disarm/techniques/T0049");
        assertThat(flood.text()).contains("Flood Information Space", "Maximise Exposure", "Execute",
                "DISARM lists no countermeasure against this tactic.", ATTRIBUTION);
        assertThat(all(flood.body(), "<li data-technique=\"(T[\\d.]+)\"")).hasSize(8).startsWith("T0049.001");

        BrowserSession.Page trolls = viewer.get("/disarm/techniques/t0049.001");
        assertThat(trolls.status()).isEqualTo(200);
        assertThat(trolls.text()).contains("Trolls Amplify and Manipulate", "Sub-technique of", "Flood Information Space");
        assertThat(trolls.body()).contains("id=\"parent-technique\"", "href=\"/disarm/techniques/T0049\"")
                .doesNotContain("id=\"subtechniques-heading\"");
    }

    @Test
    void anUnknownTechniqueIsNotFound() {
        BrowserSession.Page page = viewer.get("/disarm/techniques/T9999");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("Not found");
    }

    @Test
    void thePagesAreInFrenchForAFrenchBrowser() {
        BrowserSession french = BrowserSession.signedIn(port, fixtures.account(fixtures.organisation("MEDIA"), "VIEWER"),
                Fixtures.PASSWORD, "fr");

        BrowserSession.Page matrix = french.get("/disarm?q=T0049");
        assertThat(matrix.text()).contains("Matrice DISARM", "Planifier", "Pr\u00e9parer", "Ex\u00e9cuter", "\u00c9valuer",
                "9 techniques correspondent \u00e0 \u00ab T0049 \u00bb", "8 sous-techniques", ATTRIBUTION);
        BrowserSession.Page technique = french.get("/disarm/techniques/T0002");
        assertThat(technique.text()).contains("Contre-mesures", "Tactique", "15 contre-mesures", ATTRIBUTION);
    }

    @Test
    void theMatrixIsOnlyForSignedInPeople() {
        BrowserSession.Page answer = BrowserSession.open(port).get("/disarm");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login");
    }

    @Test
    void theFullMatrixCostsAboutWhatASmallPageCosts() {
        for (int i = 0; i < 5; i++) {
            viewer.get("/disarm"); // warm-up: the matrix rendered and kept, templates compiled, JIT
            viewer.get("/");
        }
        long[] matrix = new long[15];
        long[] home = new long[15];
        for (int i = 0; i < matrix.length; i++) { // interleaved, so that a busy machine slows both alike
            matrix[i] = millis(() -> assertThat(viewer.get("/disarm").status()).isEqualTo(200));
            home[i] = millis(() -> assertThat(viewer.get("/").status()).isEqualTo(200));
        }
        long matrixMedian = median(matrix);
        long homeMedian = median(home);
        // budget: well under 100 ms; on a shared test machine, allow what the home page takes there, three times over
        assertThat(matrixMedian).as("median ms of /disarm %s against / %s", Arrays.toString(matrix), Arrays.toString(home))
                .isLessThan(Math.max(100, 3 * homeMedian));
    }

    private static long millis(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
