package org.vigie.server.alerts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.vigie.core.accounts.MemberPrincipal;

/** The unread count behind the bell in the layout, on every page for a signed-in person (through the policy), and the dead-letter link for administrators. */
@ControllerAdvice(annotations = Controller.class)
class UnreadNotificationsAdvice {

    private final Notifications notifications;

    UnreadNotificationsAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Integer unreadNotifications() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal) {
            return notifications.unread(principal.member());
        }
        return null;
    }

    /** Administrators (platform, or of their organisation): the navigation offers the dead-letter list. */
    @ModelAttribute("mayReplayDeadLetters")
    boolean mayReplayDeadLetters() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal
                && DeadLetters.mayManage(principal.member());
    }
}
