package org.vigie.server.panelreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The PDF: a valid document whose text (as PDFBox extracts it) holds the dossier, French accents included, in embedded fonts. */
@VigieTest
class ReviewPdfTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theFrenchPdfIsAValidDocumentHoldingTheRecordWithItsAccentsInAnEmbeddedFont() throws IOException, InterruptedException {
        ReviewCase review = new ReviewCase(port, jdbc, transaction);
        HttpResponse<byte[]> response = download(review.chair, "/api/v1/review/elections/" + review.election + "/dossier.pdf", "fr");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", "review-election-" + review.election + ".pdf");
        byte[] pdf = response.body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            // the summary, the index and the record each start a page
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(document);
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("DOSSIER DE REVUE INDÉPENDANTE", "Synthèse", "Saisir les plateformes", "Avis privé aux cibles", "De la saisine à la décision",
                    ReviewCase.STATEMENT_TITLE_FR, ReviewCase.COVER_NOTE, "Réserve sur la portée", "Le décompte omettait une position.",
                    "Préavis", "Avis privé à une cible", review.batch.toString(), "Atteinte à la tenue d'une élection libre et équitable",
                    "Faux bureaux de vote annoncés", review.visibleReportTitle, review.restrictedReport, "restreint",
                    "Le nombre de courriels était de 4 000, non 40 000.", "1 / " + document.getNumberOfPages());
            assertThat(flat).doesNotContain(review.restrictedReportTitle);
            // the record is in time order in the PDF too: the first referral's entry comes before the correction of its decision
            assertThat(flat.indexOf(ReviewCase.COVER_NOTE)).isLessThan(flat.indexOf("Le décompte omettait une position."));

            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("DejaVuSans");
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
            });
        }
    }

    @Test
    void theEnglishPdfOfAPanelSpeaksEnglishAndOthersGetNoPdf() throws IOException, InterruptedException {
        ReviewCase review = new ReviewCase(port, jdbc, transaction);
        HttpResponse<byte[]> english = download(review.member2, "/api/v1/review/panels/" + review.panel + "/dossier.pdf", "en");
        assertThat(english.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(english.body())) {
            String flat = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(flat).contains("INDEPENDENT REVIEW DOSSIER", "From referral to decision", "Pre-announcement notice",
                    ReviewCase.STATEMENT_TITLE_EN, ReviewCase.STATEMENT_TITLE_FR);
        }
        HttpResponse<byte[]> refused = download(review.outsider, "/api/v1/review/panels/" + review.panel + "/dossier.pdf", "en");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
    }

    private HttpResponse<byte[]> download(String username, String path, String language) throws IOException, InterruptedException {
        Api.Response token = Api.anonymous(port).basic(username, Fixtures.PASSWORD).post("/api/v1/auth/tokens",
                Map.of("name", "pdf-" + UUID.randomUUID()));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token.json().get("token").asText())
                .header("Accept", "application/pdf, application/problem+json")
                .header("Accept-Language", language).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
