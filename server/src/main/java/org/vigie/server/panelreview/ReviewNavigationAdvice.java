package org.vigie.server.panelreview;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.vigie.core.accounts.Member;

/** Tells the layout whether to offer "Independent review" in the navigation: to administrators and panel members only. */
@ControllerAdvice(annotations = Controller.class)
class ReviewNavigationAdvice {

    private final ReviewDossiers dossiers;

    ReviewNavigationAdvice(ReviewDossiers dossiers) {
        this.dossiers = dossiers;
    }

    @ModelAttribute("mayReadReviews")
    boolean mayReadReviews(Member me) {
        return dossiers.mayReadAny(me);
    }
}
