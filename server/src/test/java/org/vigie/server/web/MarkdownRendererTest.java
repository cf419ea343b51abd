package org.vigie.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * Markdown from other organisations' people is shown on report pages: whatever they type, the HTML
 * runs no script, loads nothing and links only to http, https and mailto addresses.
 */
class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /** The rendered HTML as a browser would parse it. */
    private Element rendered(String text) {
        return Jsoup.parseBodyFragment(markdown.toSafeHtml(text)).body();
    }

    /** No script element, no event handler, no embedded content, no link that is not http, https or mailto. */
    private static void assertInert(Element html) {
        assertThat(html.select("script, img, iframe, object, embed, svg, math, style, form, input, base, meta, link")).isEmpty();
        for (Element element : html.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("attribute of <%s>", element.tagName())
                        .doesNotStartWith("on").isNotIn("style", "src", "srcset", "target", "formaction");
            }
        }
        for (Element link : html.select("[href]")) {
            assertThat(link.attr("href")).matches("(?i)(https?|mailto):.*");
        }
    }

    @Test
    void aScriptTagIsShownAsTextAndNotRun() {
        Element html = rendered("Look: <script>alert(1)</script>");

        assertInert(html);
        assertThat(html.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void aJavascriptLinkKeepsItsTextButLosesItsAddress() {
        Element html = rendered("[click me](javascript:alert(1))");

        assertInert(html);
        assertThat(html.text()).isEqualTo("click me");
        assertThat(html.html()).doesNotContainIgnoringCase("javascript");
    }

    @Test
    void anHtmlImageWithAnEventHandlerIsShownAsText() {
        Element html = rendered("<img src=x onerror=alert(1)>");

        assertInert(html);
        assertThat(html.text()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void aJavascriptLinkInMixedCaseIsRefused() {
        Element html = rendered("[x](JaVaScRiPt:alert(1))");

        assertInert(html);
        assertThat(html.select("a[href]")).isEmpty();
    }

    @Test
    void aJavascriptLinkHiddenBehindCharacterReferencesIsRefused() {
        for (String hidden : new String[] {"&#106;avascript:alert(1)", "jav&#x09;ascript:alert(1)", "&#x6A;&#x61;vascript:alert(1)",
                "<jav&#x0A;ascript:alert(1)>", "javascript&colon;alert(1)", " javascript:alert(1)"}) {
            Element html = rendered("[x](" + hidden + ")");

            assertInert(html);
            assertThat(html.select("a[href]")).as(hidden).isEmpty();
        }
    }

    @Test
    void dataAndVbscriptLinksAreRefused() {
        Element html = rendered("[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
                + "[b](vbscript:msgbox(1)) <data:text/html,<script>alert(1)</script>>");

        assertInert(html);
        assertThat(html.select("a[href]")).isEmpty();
    }

    @Test
    void anImageIsALinkToItsAddressAndIsNeverLoaded() {
        Element html = rendered("![tracking pixel](https://evil.example/track.png \"hello\")");

        assertInert(html);
        Elements links = html.select("a");
        assertThat(links).hasSize(1);
        assertThat(links.attr("href")).isEqualTo("https://evil.example/track.png");
        assertThat(links.attr("rel")).isEqualTo("nofollow noopener noreferrer");
        assertThat(links.text()).isEqualTo("tracking pixel");
    }

    @Test
    void anImageWithAJavascriptAddressIsNotALink() {
        Element html = rendered("![x](javascript:alert(1))");

        assertInert(html);
        assertThat(html.select("a[href]")).isEmpty();
    }

    @Test
    void linksOpenInTheSameTabWithoutReferrerOrRanking() {
        Element html = rendered("See [the post](https://social.example/p/1 \"the post\"), write to <desk@commission.example> "
                + "or www.example.org.");

        assertInert(html);
        assertThat(html.select("a").eachAttr("href"))
                .containsExactly("https://social.example/p/1", "mailto:desk@commission.example", "http://www.example.org");
        assertThat(html.select("a").eachAttr("rel")).containsOnly("nofollow noopener noreferrer");
        assertThat(html.select("a[target]")).isEmpty();
        assertThat(html.selectFirst("a").attr("title")).isEqualTo("the post");
    }

    @Test
    void relativeLinksLoseTheirAddress() {
        Element html = rendered("[admin](/admin/audit) [here](#top)");

        assertThat(html.select("a[href]")).isEmpty();
        assertThat(html.text()).isEqualTo("admin here");
    }

    @Test
    void ordinaryMarkdownRenders() {
        Element html = rendered("""
                ## Timeline

                *Coordinated* posts, **many** of them, ~~one~~ two waves:

                1. first wave
                2. second wave with `#hashtag`

                - bullet

                > quoted from the platform

                ```
                curl https://example.org
                ```

                | account | posts |
                |:--|--:|
                | @a | 12 |
                """);

        assertInert(html);
        assertThat(html.select("h2").text()).isEqualTo("Timeline");
        assertThat(html.select("em").text()).isEqualTo("Coordinated");
        assertThat(html.select("strong").text()).isEqualTo("many");
        assertThat(html.select("del").text()).isEqualTo("one");
        assertThat(html.select("ol > li")).hasSize(2);
        assertThat(html.select("ul > li").text()).isEqualTo("bullet");
        assertThat(html.select("li code").text()).isEqualTo("#hashtag");
        assertThat(html.select("blockquote").text()).isEqualTo("quoted from the platform");
        assertThat(html.select("pre > code").text()).isEqualTo("curl https://example.org");
        assertThat(html.select("table th").eachText()).containsExactly("account", "posts");
        assertThat(html.select("table td").eachText()).containsExactly("@a", "12");
    }

    @Test
    void markupThatMarkdownDoesNotProduceIsDroppedByTheSecondLayer() {
        // the renderer escapes raw HTML already; this checks the allow-list on its own
        Element html = Jsoup.parseBodyFragment(MarkdownRenderer.sanitise(
                "<p class=\"notice\" style=\"x\" id=\"login\">a<iframe src=\"https://x\"></iframe>"
                        + "<a href=\"https://x\" target=\"_blank\" onclick=\"y\">b</a><svg><script>z</script></svg>"
                        + "<a href=\"jav&#x09;ascript:alert(1)\">c</a><img src=\"https://x/t.png\"></p>")).body();

        assertInert(html);
        assertThat(html.selectFirst("p").attributes().size()).isZero();
        assertThat(html.select("a[href]")).hasSize(1);
        assertThat(html.select("a").eachAttr("rel")).containsOnly("nofollow noopener noreferrer");
        assertThat(html.text()).isEqualTo("abc");
    }

    @Test
    void nothingToRenderIsEmpty() {
        assertThat(markdown.toSafeHtml(null)).isEmpty();
        assertThat(markdown.toSafeHtml("  \n")).isEmpty();
    }
}
