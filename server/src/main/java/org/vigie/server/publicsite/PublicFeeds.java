package org.vigie.server.publicsite;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.vigie.server.web.MarkdownRenderer;

/**
 * The Atom 1.0 feeds (RFC 4287) and the sitemap, written with an XML writer so that every text is
 * escaped and the documents are well-formed whatever the statements say.
 *
 * <p>One feed per language rather than one feed with entries in both: a reader subscribes in the
 * language they read, the feed's {@code xml:lang} then holds for every text in it, and each entry's
 * alternate link is the page in that same language (the other language's page is an alternate with
 * its {@code hreflang}). Ids are permanent: the feed's is its address; an entry's is a name-based UUID
 * of the statement and the language, so it survives a change of host and differs between the two feeds.
 */
@Component
class PublicFeeds {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final PublicSite site;
    private final MessageSource messages;
    private final MarkdownRenderer markdown;

    PublicFeeds(PublicSite site, MessageSource messages, MarkdownRenderer markdown) {
        this.site = site;
        this.messages = messages;
        this.markdown = markdown;
    }

    String atom(Language language, List<PublishedStatement> statements) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", language.code());
            element(xml, "id", site.absolute(PublicSite.feed(language)));
            element(xml, "title", message("public.feed.title", language));
            element(xml, "subtitle", message("public.feed.subtitle", language));
            Instant updated = statements.stream().map(PublishedStatement::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
            element(xml, "updated", rfc3339(updated));
            link(xml, "self", "application/atom+xml", null, site.absolute(PublicSite.feed(language)));
            link(xml, "alternate", "text/html", language.code(), site.absolute(PublicSite.home(language)));
            link(xml, "alternate", "application/atom+xml", language.other().code(), site.absolute(PublicSite.feed(language.other())));
            xml.writeStartElement("author");
            element(xml, "name", message("public.site.author", language));
            element(xml, "uri", site.absolute(PublicSite.methodology(language)));
            xml.writeEndElement();
            xml.writeStartElement("generator");
            xml.writeCharacters("Vigie");
            xml.writeEndElement();
            for (PublishedStatement statement : statements) {
                entry(xml, language, statement);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
        return out.toString();
    }

    private void entry(XMLStreamWriter xml, Language language, PublishedStatement statement) throws XMLStreamException {
        PublishedStatement.Text text = statement.text(language);
        xml.writeStartElement("entry");
        element(xml, "id", "urn:uuid:" + UUID.nameUUIDFromBytes(("vigie-public-statement:" + statement.id() + ":" + language.code())
                .getBytes(StandardCharsets.UTF_8)));
        element(xml, "title", text.title());
        element(xml, "published", rfc3339(statement.publishedAt()));
        element(xml, "updated", rfc3339(statement.updatedAt()));
        link(xml, "alternate", "text/html", language.code(), site.absolute(PublicSite.statement(language, statement.slug())));
        link(xml, "alternate", "text/html", language.other().code(),
                site.absolute(PublicSite.statement(language.other(), statement.slug())));
        PublicStatistics.incidentType(statement.incidentType()).ifPresent(type -> category(xml, type.key(),
                site.absolute("/public/api/v1/stats#incident-type"), message("reports.type." + type.name(), language)));
        PublicStatistics.cyclePhase(statement.cyclePhase()).ifPresent(phase -> category(xml, PublicStatistics.key(phase),
                site.absolute("/public/api/v1/stats#cycle-phase"), message("taxonomy.phase." + phase.name(), language)));
        element(xml, "summary", PublicPagesController.excerpt(text.whatHappened(), 300));
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(html(language, statement, text));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The statement as on its page: the template's sections, then the corrections with their dates. */
    private String html(Language language, PublishedStatement statement, PublishedStatement.Text text) {
        StringBuilder html = new StringBuilder();
        section(html, message("public.statement.whatHappened", language), text.whatHappened());
        section(html, message("public.statement.whoIsAffected", language), text.whoIsAffected());
        section(html, message("public.statement.whatToDo", language), text.whatToDo());
        section(html, message("public.statement.whatIsBeingDone", language), text.whatIsBeingDone());
        section(html, message("public.statement.howThePanelDecided", language), text.howThePanelDecided());
        if (!statement.corrections().isEmpty()) {
            html.append("<h2>").append(HtmlUtils.htmlEscape(message("public.statement.corrections", language), "UTF-8")).append("</h2>");
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale())
                    .withZone(java.time.ZoneOffset.UTC);
            for (PublishedStatement.Correction correction : statement.corrections()) {
                html.append("<h3>").append(HtmlUtils.htmlEscape(message("public.statement.correctedOn", language,
                        format.format(correction.publishedAt())), "UTF-8")).append("</h3>");
                html.append(markdown.toSafeHtml(correction.text(language)));
            }
        }
        return html.toString();
    }

    private void section(StringBuilder html, String heading, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        html.append("<h2>").append(HtmlUtils.htmlEscape(heading, "UTF-8")).append("</h2>").append(markdown.toSafeHtml(body));
    }

    /** Every public page in both languages, each with its alternates (the sitemaps' hreflang extension). */
    String sitemap(List<PublishedStatement> statements) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("xhtml", XHTML);
            Instant latest = statements.stream().map(PublishedStatement::updatedAt).max(Instant::compareTo).orElse(null);
            for (Language language : Language.values()) {
                url(xml, PublicSite::home, language, latest);
                url(xml, PublicSite::statistics, language, latest);
                url(xml, PublicSite::methodology, language, null);
                for (PublishedStatement statement : statements) {
                    url(xml, l -> PublicSite.statement(l, statement.slug()), language, statement.updatedAt());
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the sitemap", e);
        }
        return out.toString();
    }

    private void url(XMLStreamWriter xml, java.util.function.Function<Language, String> path, Language language, Instant modified)
            throws XMLStreamException {
        xml.writeStartElement("url");
        xml.writeStartElement("loc");
        xml.writeCharacters(site.absolute(path.apply(language)));
        xml.writeEndElement();
        if (modified != null) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(rfc3339(modified));
            xml.writeEndElement();
        }
        for (Language alternate : Language.values()) {
            xml.writeEmptyElement("xhtml", "link", XHTML);
            xml.writeAttribute("rel", "alternate");
            xml.writeAttribute("hreflang", alternate.code());
            xml.writeAttribute("href", site.absolute(path.apply(alternate)));
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String hreflang, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        if (hreflang != null) {
            xml.writeAttribute("hreflang", hreflang);
        }
        xml.writeAttribute("href", href);
    }

    private static void category(XMLStreamWriter xml, String term, String scheme, String label) {
        try {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", term);
            xml.writeAttribute("scheme", scheme);
            xml.writeAttribute("label", label);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private String message(String key, Language language, Object... arguments) {
        return messages.getMessage(key, arguments, language.locale());
    }

    static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
