package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ReportEvidenceTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID commission;
    UUID agency;
    Api reporter;
    Api agencyAnalyst;
    Api outsider;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        commission = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        agency = fixtures.organisation("GOVERNMENT_AGENCY");
        reporter = fixtures.signedIn(fixtures.account(commission, "ANALYST"));
        agencyAnalyst = fixtures.signedIn(fixtures.account(agency, "ANALYST"));
        outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
    }

    static byte[] png(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(header, 0, content, 0, header.length);
        return content;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    String reportWithEvidence(byte[] content) {
        Api.Response uploaded = reporter.postFile("/api/v1/reports/evidence", "file", "screenshot.png", "image/png", content);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String sha = uploaded.json().get("sha256").asText();
        Map<String, Object> report = ReportApiTest.with(ReportApiTest.report("With a screenshot", "AMBER", List.of()),
                "organisations", List.of(agency));
        report.put("evidence", List.of(Map.of("sha256", sha, "fileName", "screenshot.png")));
        Api.Response filed = reporter.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    @Test
    void evidenceIsKeptWithItsSha256AndDownloadedAsAnAttachmentByTheReportsReaders() throws Exception {
        byte[] content = png(300_000);
        String id = reportWithEvidence(content);

        Api.Response download = agencyAnalyst.get("/api/v1/reports/" + id + "/evidence/" + sha256(content));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.body().length()).isGreaterThan(0);
    }

    @Test
    void someoneWhoCannotSeeTheReportCannotDownloadItsEvidence() throws Exception {
        byte[] content = png(10_000);
        String id = reportWithEvidence(content);

        assertThat(outsider.get("/api/v1/reports/" + id + "/evidence/" + sha256(content)).status()).isEqualTo(404);
    }

    @Test
    void knowingAHashIsNotEnoughToCiteAFile() throws Exception {
        byte[] content = png(20_000);
        reportWithEvidence(content);
        Map<String, Object> report = ReportApiTest.report("Citing someone else's file", "CLEAR", List.of());
        report.put("evidence", List.of(Map.of("sha256", sha256(content), "fileName", "stolen.png")));

        Api.Response refused = outsider.post("/api/v1/reports", report);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("evidence");
    }

    @Test
    void anOversizedAttachmentIsRefusedWith413AndTheLimit() {
        Api.Response refused = reporter.postFile("/api/v1/reports/evidence", "file", "huge.png", "image/png", png(51 * 1024 * 1024));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("limitText").asText()).isEqualTo("50 MB");
    }

    @Test
    void anExecutableIsRefusedByType() {
        byte[] executable = png(5_000);
        executable[0] = 'M';
        executable[1] = 'Z';

        Api.Response refused = reporter.postFile("/api/v1/reports/evidence", "file", "invoice.pdf.exe", "application/pdf", executable);

        assertThat(refused.status()).isEqualTo(415);
    }
}
