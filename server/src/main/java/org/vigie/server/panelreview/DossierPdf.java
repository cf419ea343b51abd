package org.vigie.server.panelreview;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The dossier as PDF: the same Thymeleaf fragment as the printable page, in a wrapper with the paged
 * CSS inlined (page size, margins, page numbers "n / N", breaks), parsed by jsoup into a DOM and laid
 * out by openhtmltopdf on PDFBox. Nothing is fetched: every external resource is refused, and the
 * fonts (DejaVu Sans, for every accented letter of French) come from the jar and are embedded
 * (subset) in the document.
 */
@Component
class DossierPdf {

    static final String FONT = "DejaVu Sans";

    private final ITemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;
    private final String css;

    DossierPdf(ITemplateEngine templates) {
        this.templates = templates;
        this.regular = resource("panelreview/fonts/DejaVuSans.ttf");
        this.bold = resource("panelreview/fonts/DejaVuSans-Bold.ttf");
        this.css = new String(resource("panelreview/pdf.css"), StandardCharsets.UTF_8);
        // openhtmltopdf logs each step of every layout at INFO on its own console handler: keep only its warnings
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    byte[] render(Dossier dossier, Locale locale) {
        String html = templates.process("panelreview/pdf", new Context(locale, Map.of("dossier", dossier, "css", css, "pdf", true)));
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useFont(() -> stream(regular), FONT, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> stream(bold), FONT, 700, FontStyle.NORMAL, true);
        builder.withW3cDocument(document, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the dossier could not be laid out as PDF", e);
        }
        return out.toByteArray();
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("missing from the jar: " + path, e);
        }
    }
}
