/**
 * Framework-free parts of the expert panel (issue 8): the published assessment criteria, the
 * positions a member may take, and the decision rule that turns the positions of the members who are
 * not recused into a decision (consensus, or a quorum with a majority). The server stores referrals,
 * assessments and decisions; these classes only compute.
 */
package org.vigie.core.panel;
