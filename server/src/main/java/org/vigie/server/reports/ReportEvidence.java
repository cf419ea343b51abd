package org.vigie.server.reports;

import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vigie.core.accounts.Member;

/** PARKED until the evidence module lands (see /tmp/parked). */
@Component
class ReportEvidence {
    EvidenceRef upload(Member uploader, MultipartFile file) throws IOException {
        throw new UnsupportedOperationException();
    }

    EvidenceRef cite(String sha256, String fileName) {
        return new EvidenceRef(sha256, fileName, "application/octet-stream", 0);
    }

    ResponseEntity<StreamingResponseBody> download(Member reader, String reportId, String sha256) {
        throw new UnsupportedOperationException();
    }
}
