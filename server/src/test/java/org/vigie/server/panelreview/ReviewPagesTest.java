package org.vigie.server.panelreview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The printable page, its links (navigation, election page), in English and French, and who sees them. */
@VigieTest
class ReviewPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aMemberFindsTheDossierFromTheElectionPageAndPrintsIt() {
        ReviewCase review = new ReviewCase(port, jdbc, transaction);
        BrowserSession member = BrowserSession.signedIn(port, review.chair, Fixtures.PASSWORD);
        BrowserSession.Page election = member.get("/elections/" + review.election);
        assertThat(election.body()).contains("hx-get=\"/review/elections/" + review.election + "/link\"", "href=\"/review\"");
        BrowserSession.Page link = member.get("/review/elections/" + review.election + "/link");
        assertThat(link.tag("election-review-link")).contains("/review/elections/" + review.election);
        assertThat(member.get("/review").text()).contains("Independent review", "Dossiers you may read");

        BrowserSession.Page page = member.get("/review/elections/" + review.election);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/css/panelreview.css", "id=\"print-dossier\"", "/js/panelreview.js",
                "/review/elections/" + review.election + "/dossier.pdf");
        assertThat(page.text()).contains("Independent review dossier", "Summary", "The record, in time order", ReviewCase.COVER_NOTE,
                "Undermines the ability to hold a free and fair election", "Pre-announcement notice", "restricted",
                review.restrictedReport, review.visibleReportTitle, "UTC")
                .doesNotContain(review.restrictedReportTitle);
        BrowserSession.Page pdf = member.get("/review/elections/" + review.election + "/dossier.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");

        BrowserSession french = BrowserSession.signedIn(port, review.chair, Fixtures.PASSWORD, "fr");
        assertThat(french.get("/review/panels/" + review.panel).text()).contains("Dossier de revue indépendante", "Synthèse",
                "Le registre, dans l'ordre du temps", "Préavis", "restreint", "Télécharger le PDF");
    }

    @Test
    void othersSeeNoLinkAndAreRefused() {
        ReviewCase review = new ReviewCase(port, jdbc, transaction);
        BrowserSession outsider = BrowserSession.signedIn(port, review.outsider, Fixtures.PASSWORD);
        assertThat(outsider.get("/review/elections/" + review.election + "/link").body()).doesNotContain("election-review-link");
        assertThat(outsider.get("/elections/" + review.election).body()).doesNotContain("href=\"/review\"");
        assertThat(outsider.get("/review").text()).contains("No dossier you may read");
        assertThat(outsider.get("/review/elections/" + review.election).status()).isEqualTo(403);
        assertThat(outsider.get("/review/panels/" + review.panel + "/dossier.pdf").status()).isEqualTo(403);

        BrowserSession anonymous = BrowserSession.open(port);
        BrowserSession.Page redirected = anonymous.get("/review/elections/" + review.election);
        assertThat(redirected.status()).isEqualTo(302);
        assertThat(redirected.location()).startsWith("/login");

        BrowserSession member = BrowserSession.signedIn(port, review.member2, Fixtures.PASSWORD);
        BrowserSession.Page invalid = member.get("/review/elections/" + review.election + "?from=2027-02-30");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("Parameter from: Not a date (YYYY-MM-DD).");
        BrowserSession.Page reversed = BrowserSession.signedIn(port, review.member2, Fixtures.PASSWORD, "fr")
                .get("/review/panels/" + review.panel + "?from=2027-06-01&to=2027-05-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.text()).contains("Paramètre to : La période finit avant de commencer.");
        assertThat(member.get("/review/elections/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }
}
