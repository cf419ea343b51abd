package org.vigie.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Markdown written by people of other organisations (report summaries, comments) turned into HTML
 * that is safe to put in a page. Every page's model has it as {@code markdown}:
 * {@code th:utext="${markdown.toSafeHtml(report.summary)}"} (Thymeleaf 3.1 refuses the bean reference
 * {@code ${@markdownRenderer…}} inside {@code th:utext}; it works in {@code th:with}).
 *
 * <p>Two layers, so that a mistake in one is caught by the other:
 * <ol>
 *   <li>commonmark renders with {@code escapeHtml(true)} (HTML typed in the Markdown shows as text)
 *       and its URL sanitiser (only http, https and mailto destinations);</li>
 *   <li>the HTML is then rebuilt by jsoup's {@code Cleaner} from an allow-list: only the tags Markdown
 *       produces, only {@code href}/{@code title} on links, {@code start} on lists and {@code align} on
 *       table cells, no {@code class}, {@code style}, {@code id}, {@code target} or event handler; link
 *       protocols are checked on the entity-decoded value, so {@code JaVaScRiPt:},
 *       {@code &#106;avascript:} or {@code jav&#x09;ascript:} never survive.</li>
 * </ol>
 * jsoup rather than the OWASP java-html-sanitizer: the cleaner builds a new document from allowed
 * nodes only (nothing unknown is ever copied), it is one dependency without transitive ones (OWASP
 * brings Guava), and it is actively maintained.
 *
 * <p>Images are never loaded: an image is rendered as a link to its address, because a page showing a
 * remote image would tell the image's host the reader's address and when they read the report. Every
 * link gets {@code rel="nofollow noopener noreferrer"} and no {@code target}. Relative links are
 * dropped (their text stays): a report has no business pointing into Vigie by a path.
 */
@Component("markdownRenderer")
public class MarkdownRenderer {

    static final String LINK_REL = "nofollow noopener noreferrer";
    private static final List<String> PROTOCOLS = List.of("http", "https", "mailto");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create(),
            StrikethroughExtension.create());

    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
                    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td")
            .addAttributes("a", "href", "title")
            .addAttributes("ol", "start")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addProtocols("a", "href", PROTOCOLS.toArray(String[]::new))
            .addEnforcedAttribute("a", "rel", LINK_REL);

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(PROTOCOLS))
            .nodeRendererFactory(ImageAsLink::new)
            .build();

    /** The Markdown as HTML that may be inserted unescaped; empty for null or blank text. */
    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return sanitise(renderer.render(parser.parse(markdown)));
    }

    /** The second layer alone: HTML rebuilt from the allow-list. */
    static String sanitise(String html) {
        return Jsoup.clean(html, "", SAFELIST, new Document.OutputSettings().prettyPrint(false));
    }

    /** {@code ![alt](url)} becomes a link to the image, labelled with its alternative text (or its address). */
    private static final class ImageAsLink implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String destination = image.getDestination() == null ? "" : image.getDestination();
            String url = context.urlSanitizer().sanitizeLinkUrl(destination);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", context.encodeUrl(url));
            if (image.getTitle() != null) {
                attributes.put("title", image.getTitle());
            }
            String alt = altText(image);
            html.tag("a", context.extendAttributes(image, "a", attributes));
            html.text(alt.isBlank() ? destination : alt);
            html.tag("/a");
        }

        private static String altText(Node image) {
            StringBuilder text = new StringBuilder();
            collect(image, text);
            return text.toString();
        }

        private static void collect(Node node, StringBuilder text) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text literal) {
                    text.append(literal.getLiteral());
                } else if (child instanceof Code code) {
                    text.append(code.getLiteral());
                } else {
                    collect(child, text);
                }
            }
        }
    }
}
