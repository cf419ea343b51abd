package org.vigie.server.reports;

import java.time.Instant;
import java.util.UUID;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * Who or what was targeted: a category, and when known a named organisation on the platform or a
 * named person or body outside it. Victims are at the centre: whether they have been told, when and
 * by whom is part of the report.
 *
 * @param organisationId an organisation on the platform, or null
 * @param name           a person or body not on the platform (or a precision), or null
 * @param notifiedAt     when the target was told, or null if not yet
 * @param notifiedBy     who told them (free text: a person, a team, an organisation)
 * @param doNotNotify    the reporter asks Vigie not to notify this organisation (ADR 0008); only as filed or
 *                       edited: the decision is kept beside the report ({@code victim_notices}), never in
 *                       the STIX incident, so reports read back carry false here
 * @param doNotNotifyReason why not (required with {@code doNotNotify}), e.g. an ongoing investigation
 */
public record Target(TargetCategory category, UUID organisationId, String name, Instant notifiedAt, String notifiedBy,
                     boolean doNotNotify, String doNotNotifyReason) {

    /** A target with no decision about victim notification: Vigie notifies an organisation on it. */
    public Target(TargetCategory category, UUID organisationId, String name, Instant notifiedAt, String notifiedBy) {
        this(category, organisationId, name, notifiedAt, notifiedBy, false, null);
    }

    public boolean notified() {
        return notifiedAt != null;
    }
}
