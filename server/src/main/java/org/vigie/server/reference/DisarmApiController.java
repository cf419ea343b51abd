package org.vigie.server.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.server.reference.DisarmFramework.Countermeasure;
import org.vigie.server.reference.DisarmFramework.Tactic;
import org.vigie.server.reference.DisarmFramework.Technique;
import org.vigie.server.web.NotFoundException;

/**
 * The DISARM framework, read-only, for any signed-in client. Every answer carries a
 * {@code Link: <…>; rel="license"} header: the data is DISARM Foundation's, under CC BY-SA 4.0.
 */
@RestController
@RequestMapping("/api/v1/reference/disarm")
@Tag(name = "Reference: DISARM", description = "DISARM Framework v" + DisarmFramework.VERSION
        + " (tactics, techniques, countermeasures). " + DisarmFramework.ATTRIBUTION + ".")
class DisarmApiController {

    private final DisarmFramework disarm;

    DisarmApiController(DisarmFramework disarm) {
        this.disarm = disarm;
    }

    record PhaseView(String id, String name) {
    }

    record TacticView(String id, String name, String description, String shortname, PhaseView phase, String stixId, String url) {
        static TacticView of(Tactic t) {
            return new TacticView(t.id(), t.name(), t.description(), t.shortname(), new PhaseView(t.phase().id(), t.phase().name()),
                    t.stixId(), t.url());
        }
    }

    record TechniqueView(String id, String name, String description, List<String> tactics, String parent,
                         List<String> subtechniques, String stixId, String url) {
        static TechniqueView of(Technique t) {
            return new TechniqueView(t.id(), t.name(), t.description(), t.tacticIds(), t.parentId(), t.subtechniqueIds(), t.stixId(), t.url());
        }
    }

    record CountermeasureView(String id, String name, String metatechnique, String tactic, String url) {
        static CountermeasureView of(Countermeasure c) {
            return new CountermeasureView(c.id(), c.name(), c.metatechnique(), c.tacticId(), c.url());
        }
    }

    @GetMapping("/tactics")
    @Operation(summary = "The 16 DISARM tactics, phase by phase, in the order of the DISARM matrix")
    ResponseEntity<List<TacticView>> tactics() {
        return licensed(disarm.tactics().stream().map(TacticView::of).toList());
    }

    @GetMapping("/techniques")
    @Operation(summary = "DISARM techniques and sub-techniques, all or those matching a search",
            description = "Without q: all 391 in framework order. With q: those whose id, name or description contain every "
                    + "word of q, ignoring case; the technique with exactly that id first, then ids that start with q.")
    ResponseEntity<List<TechniqueView>> techniques(
            @Parameter(description = "an id (T0049) or words of a name or description") @RequestParam(required = false) String q) {
        return licensed(disarm.search(q).stream().map(TechniqueView::of).toList());
    }

    @GetMapping("/techniques/{externalId}")
    @Operation(summary = "One technique or sub-technique by its DISARM id, such as T0049 or T0049.001")
    ResponseEntity<TechniqueView> technique(@PathVariable String externalId) {
        return licensed(disarm.technique(externalId).map(TechniqueView::of)
                .orElseThrow(() -> new NotFoundException("DISARM technique", externalId)));
    }

    @GetMapping("/countermeasures")
    @Operation(summary = "DISARM countermeasures (blue framework), all or those against one tactic")
    ResponseEntity<List<CountermeasureView>> countermeasures(
            @Parameter(description = "a tactic id such as TA01") @RequestParam(required = false) String tactic) {
        List<Countermeasure> found = tactic == null || tactic.isBlank() ? disarm.countermeasures() : disarm.countermeasures(tactic);
        return licensed(found.stream().map(CountermeasureView::of).toList());
    }

    private static <T> ResponseEntity<T> licensed(T body) {
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + DisarmFramework.LICENCE_URL + ">; rel=\"license\"").body(body);
    }
}
