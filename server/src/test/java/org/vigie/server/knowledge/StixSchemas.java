package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** The store's OASIS schema validation, for tests outside the knowledge package (exports, imports). */
public final class StixSchemas {

    private StixSchemas() {
    }

    /** The schema violations of one STIX object, as "pointer: message"; empty when it is valid. */
    public static List<String> violations(ApplicationContext context, JsonNode object) {
        return context.getBean(StixValidator.class).validate(object).stream().map(v -> v.pointer() + ": " + v.message()).toList();
    }
}
