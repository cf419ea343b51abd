package org.vigie.server.panel;

import java.util.List;

/**
 * A referral: one report, one campaign, or several subjects taken together (an accumulation), with
 * the analyst's title and cover note for the panel.
 */
public record ReferralRequest(String title, String coverNote, List<String> subjectIds) {
}
