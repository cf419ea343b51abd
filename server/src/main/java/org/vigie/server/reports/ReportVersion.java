package org.vigie.server.reports;

import java.time.Instant;
import java.util.List;

/** One version in a report's history, and what changed from the version before it. */
public record ReportVersion(Instant modified, boolean latest, boolean revoked, List<ReportDiff.Change> changes) {
}
