package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Validates objects against the OASIS STIX 2.1 JSON schemas shipped in the jar (no network). The
 * schema is chosen by type; a type the schemas do not know (a custom object) is held to the common
 * core schema, so it is kept with all its properties as long as it is well-formed STIX.
 */
@Component
class StixValidator {

    private static final String ONLINE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/";
    private static final Set<String> SDOS = Set.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity",
            "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note",
            "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");
    private static final Set<String> SROS = Set.of("relationship", "sighting");
    private static final Set<String> COMMON = Set.of("marking-definition", "extension-definition", "language-content");
    private static final Set<String> SCOS = Set.of("artifact", "autonomous-system", "directory", "domain-name", "email-addr",
            "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software",
            "url", "user-account", "windows-registry-key", "x509-certificate");

    /** A schema violation: where (JSON pointer) and what. */
    record Violation(String pointer, String message) {
    }

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ONLINE, "classpath:stix/")));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /**
     * Loads and resolves every schema now, on the thread that starts the application: validation
     * later runs on pool threads whose class loader cannot see the application's resources, and a
     * lazily loaded schema would make the first object of each type slow.
     */
    StixValidator() {
        java.util.stream.Stream.of(SDOS.stream(), SROS.stream(), COMMON.stream(), SCOS.stream(), java.util.stream.Stream.of("x-custom"))
                .flatMap(s -> s)
                .forEach(type -> schemaFor(type).initializeValidators());
    }

    List<Violation> validate(JsonNode object) {
        JsonNode type = object.get("type");
        if (type == null || !type.isTextual()) {
            return List.of(new Violation("/type", "required property 'type' is missing"));
        }
        Set<ValidationMessage> messages = schemaFor(type.asText()).validate(object);
        return messages.stream()
                .map(m -> new Violation(m.getInstanceLocation().toString().isEmpty() ? "/" : m.getInstanceLocation().toString(),
                        m.getMessage()))
                .sorted(Comparator.comparing(Violation::pointer))
                .toList();
    }

    private JsonSchema schemaFor(String type) {
        String path = SDOS.contains(type) ? "schemas/sdos/" + type
                : SROS.contains(type) ? "schemas/sros/" + type
                : COMMON.contains(type) ? "schemas/common/" + type
                : SCOS.contains(type) ? "schemas/observables/" + type
                : "schemas/common/core";
        return schemas.computeIfAbsent(path, p -> factory.getSchema(SchemaLocation.of(ONLINE + p + ".json"), config));
    }
}
