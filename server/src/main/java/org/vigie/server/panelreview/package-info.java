/**
 * The independent-review dossier (issue 8, item 8): for an election (every panel of that election) or
 * for one panel over a period, everything the panel did, in time order and with timestamps — referrals
 * (subjects, cover note, who referred), recusals and why, every assessment revision, decisions with
 * their tally, dissent and corrections, statement versions and approvals, the notices that preceded
 * publication with their delivery status, publications and corrections — and a summary. As a printable
 * page and as a PDF. It only reads the panel tables (V19): it writes nothing but the audit entry of
 * each read.
 *
 * <p>Who may read it: platform administrators, and the current members of the panels concerned (a
 * member reads the part of an election's dossier that belongs to the panels they sit on); anyone else
 * is refused (403). A subject's title is shown only when the reader may see the subject under the
 * visibility policy; otherwise its id and "restricted".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web", "elections", "reports", "knowledge", "sharing"})
package org.vigie.server.panelreview;
