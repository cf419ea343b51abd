package org.vigie.server.organisations;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigie.core.organisations.ContactTopic;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.organisations.Sector;

/**
 * The directory of points of contact across organisations. A plain GET form that works without
 * script; with htmx, the same request answers only the results table.
 */
@Controller
class DirectoryController {

    private final PointsOfContact contacts;
    private final Organisations organisations;

    DirectoryController(PointsOfContact contacts, Organisations organisations) {
        this.contacts = contacts;
        this.organisations = organisations;
    }

    /** The filter as typed, echoed back into the form. */
    record Query(String topic, String sector, String country, String q) {
    }

    @GetMapping("/contacts")
    String directory(@RequestParam(required = false) String topic, @RequestParam(required = false) String sector,
                     @RequestParam(required = false) String country, @RequestParam(required = false) String q,
                     @RequestHeader(name = "HX-Request", required = false) String htmx,
                     @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                     Model model, Locale locale, HttpServletResponse response) {
        // A value that names nothing (an edited URL) is ignored rather than answered with an error page.
        ContactFilter filter = new ContactFilter(parse(ContactTopic.class, topic), parse(Sector.class, sector),
                country(country), q);
        model.addAttribute("query", new Query(topic, sector, country, q));
        model.addAttribute("results", contacts.directory(filter));
        model.addAttribute("topics", ContactTopic.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("countries", CountryOptions.sorted(organisations.all().stream().map(Organisation::country).toList(), locale));
        // The same URL answers a page or a fragment: caches must keep them apart.
        response.addHeader("Vary", "HX-Request");
        boolean fragment = htmx != null && historyRestore == null;
        return fragment ? "contacts/directory :: results" : "contacts/directory";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }

    private static CountryCode country(String code) {
        String normalised = code == null ? null : code.trim().toUpperCase(Locale.ROOT);
        return CountryCode.isValid(normalised) ? new CountryCode(normalised) : null;
    }
}
