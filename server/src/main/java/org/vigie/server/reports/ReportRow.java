package org.vigie.server.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;

/** A report as lists show it. */
public record ReportRow(String id, String title, Instant modified, Instant occurred, UUID electionId, String phase,
                        List<String> types, Outcome outcome, Tlp tlp, UUID ownerOrganisation, boolean revoked,
                        List<String> targetCategories) {
}
