package org.vigie.server.organisations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after sign-in. */
@Controller
class HomeController {

    private final Organisations organisations;

    HomeController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("organisationCount", organisations.all().size());
        return "home";
    }
}
