package org.vigie.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;

/** What the layout of every page needs: where we are (for the language switch) and what the navigation may offer. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

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

    @ModelAttribute("me")
    Member me() {
        return CurrentMemberResolver.current();
    }
}
