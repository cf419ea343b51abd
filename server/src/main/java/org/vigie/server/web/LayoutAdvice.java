package org.vigie.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;

/**
 * What the layout of every page needs: where we are (for the language switch) and what the navigation may offer;
 * and the Markdown renderer for user-written text.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final MarkdownRenderer markdown;

    LayoutAdvice(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /**
     * Markdown for templates: {@code th:utext="${markdown.toSafeHtml(report.summary)}"}. A model attribute
     * rather than the bean reference {@code ${@markdownRenderer…}}, which Thymeleaf 3.1 forbids in
     * {@code th:utext} (a restricted expression context: no bean access, static calls or instantiation).
     */
    @ModelAttribute("markdown")
    MarkdownRenderer markdown() {
        return markdown;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return query == null ? path : path + "?" + query.replaceAll("(^|&)lang=[^&]*", "");
    }

    @ModelAttribute("platformAdministrator")
    boolean platformAdministrator() {
        return Permissions.allows(CurrentMemberResolver.current(), Permission.AUDIT_READ);
    }

    /** Analysts and administrators of an organisation: the navigation offers them the Import page. */
    @ModelAttribute("mayShare")
    boolean mayShare() {
        return Permissions.allows(CurrentMemberResolver.current(), Permission.KNOWLEDGE_SHARE);
    }

    @ModelAttribute("me")
    Member me() {
        return CurrentMemberResolver.current();
    }
}
