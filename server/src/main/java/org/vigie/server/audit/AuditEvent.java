package org.vigie.server.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a feature tells the audit trail: an action on a target, with details. Who and from where are
 * taken from the current request unless given (a failed login has no authenticated actor, only the
 * name that was tried). Details must never hold secrets: passwords and tokens are not audited, only
 * the fact that they changed.
 */
public record AuditEvent(String action, String targetType, String targetId, Map<String, Object> details, String actorName) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static AuditEvent of(String action, String targetType, Object targetId) {
        return new AuditEvent(action, targetType, targetId == null ? null : targetId.toString(), Map.of(), null);
    }

    public static AuditEvent of(String action) {
        return new AuditEvent(action, null, null, Map.of(), null);
    }

    public AuditEvent with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new AuditEvent(action, targetType, targetId, more, actorName);
    }

    /** For events without an authenticated actor, such as a failed login. */
    public AuditEvent byUnauthenticated(String claimedName) {
        return new AuditEvent(action, targetType, targetId, details, claimedName);
    }
}
