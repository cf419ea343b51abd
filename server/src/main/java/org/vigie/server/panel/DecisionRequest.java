package org.vigie.server.panel;

import java.util.List;

/**
 * Recording the panel's decision: the panel's rationale and the responses short of an announcement it
 * decided on. The outcome is not asked for: the rule computes it from the members' positions.
 */
public record DecisionRequest(String rationale, List<Assessment.ResponseChoice> responseOptions) {
}
