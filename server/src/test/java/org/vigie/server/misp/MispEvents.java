package org.vigie.server.misp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Small MISP events written for one test each. */
final class MispEvents {

    private MispEvents() {
    }

    static ObjectNode event(String info, long timestamp, String... tags) {
        ObjectNode root = MispFiles.JSON.createObjectNode();
        ObjectNode event = root.putObject("Event");
        event.put("uuid", UUID.randomUUID().toString());
        event.put("info", info);
        event.put("date", "2026-11-20");
        event.put("timestamp", Long.toString(timestamp));
        event.put("distribution", "1");
        event.put("threat_level_id", "2");
        event.put("analysis", "1");
        event.putObject("Orgc").put("name", "CERT-XV").put("uuid", UUID.randomUUID().toString());
        ArrayNode tagList = event.putArray("Tag");
        for (String tag : tags) {
            tagList.addObject().put("name", tag);
        }
        event.putArray("Attribute");
        return root;
    }

    static ObjectNode attribute(ObjectNode root, String type, String category, boolean toIds, String value) {
        ObjectNode attribute = ((ArrayNode) root.get("Event").get("Attribute")).addObject();
        attribute.put("uuid", UUID.randomUUID().toString());
        attribute.put("type", type);
        attribute.put("category", category);
        attribute.put("to_ids", toIds);
        attribute.put("value", value);
        attribute.put("timestamp", root.get("Event").get("timestamp").asText());
        return attribute;
    }

    static String uuid(ObjectNode root) {
        return root.get("Event").get("uuid").asText();
    }
}
