package org.vigie.server.reference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigie.server.reference.DisarmFramework.Tactic;
import org.vigie.server.reference.DisarmFramework.Technique;
import org.vigie.server.web.NotFoundException;

/**
 * The DISARM matrix and a page per technique, for any signed-in person. The search is a plain GET
 * form that works without script; with htmx the same request answers only the matrix.
 *
 * <p>The full matrix is 391 techniques, about 150 KB of HTML that depend only on the language: it is
 * rendered once per language (and context path) and kept, so the page costs what a small page
 * costs. A search renders only what matches.
 */
@Controller
class DisarmPagesController {

    static final int MAX_QUERY = 200;

    private final DisarmFramework disarm;
    private final ITemplateEngine templates;
    /** The unfiltered matrix, the same for everyone: built once. */
    private final DisarmMatrix everything;
    /** The unfiltered matrix's HTML by language and context path. */
    private final Map<String, String> renderedEverything = new ConcurrentHashMap<>();

    DisarmPagesController(DisarmFramework disarm, ITemplateEngine templates) {
        this.disarm = disarm;
        this.templates = templates;
        this.everything = DisarmMatrix.of(disarm);
    }

    /** Source, version and licence, shown on every DISARM page (templates/reference/attribution.html). */
    @ModelAttribute("disarmAttribution")
    DisarmAttribution attribution() {
        return DisarmAttribution.CURRENT;
    }

    @GetMapping("/disarm")
    String matrix(@RequestParam(required = false) String q,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                  Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        model.addAttribute("q", query);
        DisarmMatrix matrix = query.isEmpty() ? everything : DisarmMatrix.searching(disarm, query);
        String techniquePath = request.getContextPath() + "/disarm/techniques/";
        model.addAttribute("matrix", matrix);
        model.addAttribute("matrixHtml", query.isEmpty()
                ? renderedEverything.computeIfAbsent(locale.getLanguage() + " " + techniquePath, key -> render(matrix, techniquePath, locale))
                : render(matrix, techniquePath, locale));
        model.addAttribute("techniqueCount", disarm.techniques().size());
        model.addAttribute("tacticCount", disarm.tactics().size());
        // The same URL answers a page or a fragment: caches must keep them apart.
        response.addHeader("Vary", "HX-Request");
        boolean fragment = htmx != null && historyRestore == null;
        return fragment ? "reference/disarm :: results" : "reference/disarm";
    }

    private String render(DisarmMatrix matrix, String techniquePath, Locale locale) {
        Context context = new Context(locale, Map.of("matrix", matrix, "techniquePath", techniquePath));
        return templates.process("reference/disarm-matrix", Set.of("matrix"), context);
    }

    @GetMapping("/disarm/techniques/{externalId}")
    String technique(@PathVariable String externalId, Model model) {
        Technique technique = disarm.technique(externalId).orElseThrow(() -> new NotFoundException("DISARM technique", externalId));
        Tactic tactic = disarm.tactic(technique.tacticId()).orElseThrow();
        model.addAttribute("technique", technique);
        model.addAttribute("tactic", tactic);
        model.addAttribute("parent", technique.isSubtechnique() ? disarm.technique(technique.parentId()).orElseThrow() : null);
        model.addAttribute("subtechniques", disarm.subtechniques(technique.id()));
        model.addAttribute("countermeasures", disarm.countermeasures(tactic.id()));
        return "reference/technique";
    }
}
