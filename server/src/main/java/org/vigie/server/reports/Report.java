package org.vigie.server.reports;

import java.time.Instant;
import org.vigie.core.sharing.Sharing;

/** A stored report, one version of it: its id, its content and how it is shared. */
public record Report(String id, Instant created, Instant modified, boolean latest, boolean revoked, Sharing sharing,
                     ReportDraft content) {
}
