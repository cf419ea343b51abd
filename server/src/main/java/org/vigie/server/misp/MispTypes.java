package org.vigie.server.misp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * MISP's list of attribute types and categories, as MISP publishes it (describeTypes.json, shipped
 * from PyMISP under its BSD licence): what an attribute's {@code type} may be, each type's default
 * category and whether it is meant for detection by default. A type outside this list is an error on
 * import, never silently dropped.
 */
@Component
class MispTypes {

    record TypeDefaults(String category, boolean toIds) {
    }

    private final Map<String, TypeDefaults> types = new LinkedHashMap<>();
    private final Set<String> categories = new LinkedHashSet<>();

    MispTypes(ObjectMapper json) {
        try (InputStream in = MispTypes.class.getResourceAsStream("/misp/describeTypes.json")) {
            JsonNode result = json.readTree(in).path("result");
            JsonNode defaults = result.path("sane_defaults");
            result.path("types").forEach(t -> {
                JsonNode d = defaults.path(t.asText());
                types.put(t.asText(), new TypeDefaults(d.path("default_category").asText("Other"), d.path("to_ids").asInt(0) == 1));
            });
            result.path("categories").forEach(c -> categories.add(c.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("the MISP type list is missing from the application", e);
        }
    }

    boolean known(String type) {
        return types.containsKey(type);
    }

    Optional<TypeDefaults> defaults(String type) {
        return Optional.ofNullable(types.get(type));
    }

    boolean knownCategory(String category) {
        return categories.contains(category);
    }

    int size() {
        return types.size();
    }

    List<String> categories() {
        return List.copyOf(categories);
    }
}
