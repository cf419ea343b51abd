package org.vigie.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Pages render Markdown with {@code th:utext="${markdown.toSafeHtml(text)}"}, the model attribute every page has. */
class MarkdownTemplateTest {

    @Test
    void aTemplateRendersMarkdownFromThePageModel() {
        TemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        Context model = new Context();
        model.setVariable("markdown", new LayoutAdvice(new MarkdownRenderer()).markdown());
        model.setVariable("summary", "**Bots** <script>alert(1)</script>");

        String html = engine.process("<div th:utext=\"${markdown.toSafeHtml(summary)}\"></div>", model);

        assertThat(html).isEqualTo("<div><p><strong>Bots</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n</div>");
    }
}
