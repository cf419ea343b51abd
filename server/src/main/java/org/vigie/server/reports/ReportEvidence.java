package org.vigie.server.reports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vigie.core.accounts.Member;
import org.vigie.server.evidence.EvidenceDownloads;
import org.vigie.server.evidence.EvidenceFile;
import org.vigie.server.evidence.EvidenceStore;
import org.vigie.server.web.NotFoundException;

/**
 * Evidence files of reports. An upload is remembered for the uploader's organisation, which alone
 * may then cite it; a download is served only to a reader of a report that cites the file, so a
 * file is visible under its report's marking.
 */
@Component
class ReportEvidence {

    private final EvidenceStore files;
    private final EvidenceDownloads downloads;
    private final Reports reports;
    private final ReportRepository repository;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReportEvidence(EvidenceStore files, EvidenceDownloads downloads, Reports reports, ReportRepository repository,
                   TransactionTemplate transactions, Clock clock) {
        this.files = files;
        this.downloads = downloads;
        this.reports = reports;
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    EvidenceRef upload(Member uploader, MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return upload(uploader, content, file.getOriginalFilename(), file.getContentType());
        }
    }

    EvidenceRef upload(Member uploader, InputStream content, String fileName, String declaredType) {
        Reports.ensureMayReport(uploader);
        String name = safeName(fileName);
        return transactions.execute(tx -> {
            EvidenceFile stored = files.store(content, name, declaredType, uploader.accountId());
            repository.recordUpload(stored.sha256(), uploader.organisationId(), clock.instant());
            return new EvidenceRef(stored.sha256(), stored.fileName(), stored.mediaType(), stored.size());
        });
    }

    /** The reference a report keeps for a file cited by hash (its type and size are the stored file's, not the client's). */
    EvidenceRef cite(String sha256, String fileName) {
        String hash = sha256 == null ? "" : sha256.trim().toLowerCase(java.util.Locale.ROOT);
        return files.find(hash)
                .map(f -> new EvidenceRef(f.sha256(), safeName(fileName == null || fileName.isBlank() ? f.fileName() : fileName), f.mediaType(), f.size()))
                .orElse(new EvidenceRef(hash, safeName(fileName), "application/octet-stream", 0));
    }

    ResponseEntity<StreamingResponseBody> download(Member reader, String reportId, String sha256) {
        Report report = reports.get(reader, reportId);
        EvidenceRef cited = report.content().evidence().stream().filter(e -> e.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", sha256));
        EvidenceFile file = files.find(cited.sha256()).orElseThrow(() -> new NotFoundException("evidence", sha256));
        return downloads.download(file, cited.fileName());
    }

    /** A file name as given, without any path, control characters or excess length. */
    static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "evidence";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "evidence";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
