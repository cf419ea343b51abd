package org.vigie.server.misp;

/**
 * One fault in a MISP file, located for the person who must fix it: which event (its position in
 * the file, its uuid and title), which attribute (its position and uuid, and the object holding it),
 * the JSON pointer into the request body, and the property at fault.
 *
 * @param event         the event's position in the file, from 0
 * @param eventUuid     the event's uuid, or null if it has none
 * @param eventInfo     the event's title ("info"), or null
 * @param pointer       JSON pointer into the request body
 * @param object        the MISP object's position in the event's {@code Object} list, or null
 * @param objectName    the MISP object's name ("file", "domain-ip"…), or null
 * @param attribute     the attribute's position (in the event's or the object's {@code Attribute} list), or null
 * @param attributeUuid the attribute's uuid, or null
 * @param property      the property at fault ("type", "uuid"…)
 * @param message       what is wrong
 */
public record MispFault(int event, String eventUuid, String eventInfo, String pointer, Integer object, String objectName,
                        Integer attribute, String attributeUuid, String property, String message) {

    /** One line naming everything: "event 0 (5a3c…, “Sednit update”), object 3 “file”, attribute 1 (uuid …): type: …". */
    public String describe() {
        StringBuilder where = new StringBuilder("event ").append(event);
        if (eventUuid != null || eventInfo != null) {
            where.append(" (");
            if (eventUuid != null) {
                where.append(eventUuid);
            }
            if (eventInfo != null) {
                where.append(eventUuid != null ? ", " : "").append('\u201c').append(eventInfo).append('\u201d');
            }
            where.append(')');
        }
        if (object != null) {
            where.append(", object ").append(object);
            if (objectName != null) {
                where.append(" \u201c").append(objectName).append('\u201d');
            }
        }
        if (attribute != null) {
            where.append(", attribute ").append(attribute);
            if (attributeUuid != null) {
                where.append(" (uuid ").append(attributeUuid).append(')');
            }
        }
        return where + ": " + property + ": " + message;
    }
}
