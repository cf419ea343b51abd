package org.vigie.server.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import org.vigie.server.web.InvalidFieldException;

/** Writes an export into an HTTP response as it is produced: nothing of the bundle is held in memory. */
@Component
class ExportResponses {

    static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

    private final StixExport export;

    ExportResponses(StixExport export) {
        this.export = export;
    }

    void stream(StixExport.ExportSet set, String versions, boolean download, HttpServletResponse response) throws IOException {
        boolean all = allVersions(versions);
        response.setContentType(STIX_MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (download) {
            response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(set.fileName(), StandardCharsets.UTF_8)
                    .build().toString());
        }
        export.write(set, all, response.getOutputStream());
        response.flushBuffer();
    }

    static boolean allVersions(String versions) {
        if (versions == null || versions.isBlank() || versions.equals("latest")) {
            return false;
        }
        if (versions.equals("all")) {
            return true;
        }
        throw new InvalidFieldException("versions", "exchange.versions.invalid",
                "'" + versions + "' is not a choice of versions: use 'latest' (the default) or 'all'.");
    }
}
