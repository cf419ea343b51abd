package org.vigie.server.reference;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.vigie.core.taxonomy.ElectionStage;
import org.vigie.core.taxonomy.TargetCategory;

/** The election-cycle taxonomy, as a page to read: stages with their phases, and categories of target. */
@Controller
class TaxonomyPageController {

    @GetMapping("/reference/taxonomy")
    String taxonomy(Model model) {
        model.addAttribute("stages", ElectionStage.values());
        model.addAttribute("targets", TargetCategory.values());
        return "reference/taxonomy";
    }
}
