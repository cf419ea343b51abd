package org.vigie.server.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The third-party STIX files copied into the test resources (with their licences), and the OASIS schemas to check exports with. */
final class StixFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] EXAMPLES = {"indicator-for-c2-ip-address.json", "indicator-to-campaign-relationship.json",
            "indicators-for-C2-with-COA.json", "infrastructure.json", "malicious-email-indicator-with-attachment.json",
            "tlp2-amber+strict.json", "tlp2-clear.json"};
    static final String DISARM = "disarm/DISARM.json";
    static final String NOT_A_BUNDLE = "stix2.1-examples/interop-objectmarking-test.json";

    private static final String ONLINE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ONLINE, "classpath:stix/")));
    private static final Set<String> SDOS = Set.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity",
            "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note",
            "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");
    private static final Set<String> SCOS = Set.of("artifact", "autonomous-system", "directory", "domain-name", "email-addr",
            "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software",
            "url", "user-account", "windows-registry-key", "x509-certificate");

    private StixFixtures() {
    }

    static String text(String resource) {
        try (InputStream in = StixFixtures.class.getResourceAsStream("/imports/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /imports/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        try {
            return JSON.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OASIS schema problems of a bundle (bundle.json), empty if valid. */
    static Set<ValidationMessage> bundleProblems(JsonNode bundle) {
        return schema("schemas/common/bundle").validate(bundle);
    }

    /** The OASIS schema problems of one object against its type's schema (the core schema for a custom type). */
    static Set<ValidationMessage> objectProblems(JsonNode object) {
        String type = object.path("type").asText();
        String path = SDOS.contains(type) ? "schemas/sdos/" + type
                : type.equals("relationship") || type.equals("sighting") ? "schemas/sros/" + type
                : type.equals("marking-definition") || type.equals("extension-definition") || type.equals("language-content")
                ? "schemas/common/" + type
                : SCOS.contains(type) ? "schemas/observables/" + type
                : "schemas/common/core";
        return schema(path).validate(object);
    }

    private static JsonSchema schema(String path) {
        return SCHEMAS.getSchema(SchemaLocation.of(ONLINE + path + ".json"));
    }
}
