package org.vigie.server.sharing;

import java.util.ArrayList;
import java.util.List;

/**
 * What makes a charter acceptable, for the API and the forms alike. Fields are named relative to
 * the charter ({@code preamble}, {@code objectives[2].kinds}); the empty name is the charter itself.
 */
final class CharterRules {

    static final int MAX_PREAMBLE = 20_000;
    static final int MAX_OBJECTIVES = 50;

    record Problem(String field, String messageKey, String detail) {
    }

    private CharterRules() {
    }

    static List<Problem> check(Charter charter) {
        List<Problem> problems = new ArrayList<>();
        if (charter.preamble().isBlank() && charter.objectives().isEmpty()) {
            problems.add(new Problem("", "community.charter.empty",
                    "A charter states a preamble, at least one sharing objective, or both."));
        }
        if (charter.preamble().length() > MAX_PREAMBLE) {
            problems.add(new Problem("preamble", "community.charter.preamble.tooLong",
                    "The preamble is too long (" + MAX_PREAMBLE + " characters at most)."));
        }
        if (charter.objectives().size() > MAX_OBJECTIVES) {
            problems.add(new Problem("objectives", "community.charter.objectives.tooMany",
                    "A charter has at most " + MAX_OBJECTIVES + " objectives."));
        }
        for (int i = 0; i < charter.objectives().size(); i++) {
            SharingObjective objective = charter.objectives().get(i);
            String at = "objectives[" + i + "].";
            if (objective.sectors().isEmpty()) {
                problems.add(new Problem(at + "sectors", "community.objective.sectors.required",
                        "Name at least one sector expected to share."));
            }
            if (objective.kinds().isEmpty()) {
                problems.add(new Problem(at + "kinds", "community.objective.kinds.required",
                        "Name at least one kind of information to share."));
            }
            if (objective.defaultTlp() == null) {
                problems.add(new Problem(at + "defaultTlp", "community.objective.defaultTlp.required",
                        "Choose the default TLP marking."));
            }
        }
        return problems;
    }
}
