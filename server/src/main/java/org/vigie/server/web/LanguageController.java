package org.vigie.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch: the locale interceptor has already applied {@code lang}; go back to the page
 * the person was on. Only a path on this site is followed, never another origin.
 */
@Controller
class LanguageController {

    @GetMapping("/language")
    String switchLanguage(@RequestParam(name = "return", required = false) String returnTo) {
        boolean local = returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\");
        return "redirect:" + (local ? returnTo : "/");
    }
}
