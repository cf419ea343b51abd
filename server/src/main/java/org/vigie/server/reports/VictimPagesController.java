package org.vigie.server.reports;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.server.web.FieldException;

/** The pages of victim notification: the target's reply buttons, and the "Withheld victim notices" review list. */
@Controller
class VictimPagesController {

    private final VictimReviews reviews;

    VictimPagesController(VictimReviews reviews) {
        this.reviews = reviews;
    }

    /** From the report page or the notification centre ({@code from=notifications}): back where the reply was given. */
    @PostMapping("/reports/{id}/victim-replies")
    String reply(Member me, @PathVariable String id, @RequestParam(defaultValue = "") String answer,
                 @RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "") String from,
                 RedirectAttributes redirect) {
        try {
            reviews.reply(me, id, answer, message);
            redirect.addFlashAttribute("victimReplied", true);
        } catch (FieldException invalid) {
            redirect.addFlashAttribute("victimError", invalid.messageKey());
        }
        return "notifications".equals(from) ? "redirect:/notifications" : "redirect:/reports/" + id + "#victim-notices";
    }

    @GetMapping("/reports/withheld-notices")
    String withheld(Member me, Model model) {
        model.addAttribute("notices", reviews.withheld(me));
        return "reports/withheld";
    }

    @PostMapping("/reports/{id}/victim-notices/{organisationId}/review")
    String review(Member me, @PathVariable String id, @PathVariable UUID organisationId, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            reviews.review(me, id, organisationId, decision, note);
            redirect.addFlashAttribute("reviewed", decision);
        } catch (FieldException invalid) {
            redirect.addFlashAttribute("reviewError", invalid.messageKey());
        }
        return "redirect:/reports/withheld-notices";
    }
}
