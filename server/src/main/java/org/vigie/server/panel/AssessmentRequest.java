package org.vigie.server.panel;

import java.util.List;
import org.vigie.core.panel.Position;

/** A member's assessment as submitted: the checklist, the responses they recommend, their position and why. */
public record AssessmentRequest(List<Assessment.CriterionAnswer> criteria, List<Assessment.ResponseChoice> responseOptions,
                                Position position, String rationale) {
}
