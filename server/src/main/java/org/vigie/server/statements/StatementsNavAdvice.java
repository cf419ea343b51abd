package org.vigie.server.statements;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.vigie.core.accounts.MemberPrincipal;

/** The layout offers the statements link to panel members only: nobody else has a statement to see. */
@ControllerAdvice(annotations = Controller.class)
class StatementsNavAdvice {

    private final PanelRecords panels;

    StatementsNavAdvice(PanelRecords panels) {
        this.panels = panels;
    }

    @ModelAttribute("panelMember")
    boolean panelMember() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal
                && !panels.panelsOf(principal.member().accountId()).isEmpty();
    }
}
