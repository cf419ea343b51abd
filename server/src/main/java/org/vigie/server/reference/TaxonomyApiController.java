package org.vigie.server.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.taxonomy.ElectionStage;
import org.vigie.core.taxonomy.TargetCategory;

/** The election-cycle taxonomy with its labels in the request's language (English or French). */
@RestController
@Tag(name = "Reference: election taxonomy", description = "Stages and phases of the electoral cycle, and categories of target")
class TaxonomyApiController {

    private final TaxonomyLabels labels;

    TaxonomyApiController(MessageSource messages) {
        this.labels = new TaxonomyLabels(messages);
    }

    record Entry(String id, String label) {
    }

    record Stage(String id, String label, List<Entry> phases) {
    }

    record Taxonomy(String language, List<Stage> stages, List<Entry> targetCategories) {
    }

    @GetMapping("/api/v1/reference/taxonomy")
    @Operation(summary = "Stages of an election with their phases, and categories of target",
            description = "Labels follow Accept-Language (English or French), or the account's chosen language.")
    Taxonomy taxonomy(Locale requested) {
        Locale locale = org.vigie.server.web.VigieLocaleResolver.supported(requested);
        List<Stage> stages = Arrays.stream(ElectionStage.values())
                .map(stage -> new Stage(stage.name(), labels.stage(stage, locale),
                        stage.phases().stream().map(phase -> new Entry(phase.name(), labels.phase(phase, locale))).toList()))
                .toList();
        List<Entry> targets = Arrays.stream(TargetCategory.values())
                .map(target -> new Entry(target.name(), labels.target(target, locale))).toList();
        return new Taxonomy(locale.getLanguage(), stages, targets);
    }
}
