package org.vigie.server.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigie.core.observables.HashAlgorithm;
import org.vigie.server.knowledge.KnowledgeStore;

/**
 * The observables and evidence files an incident report lists in Vigie's extension, materialised as
 * STIX cyber-observables with deterministic ids, each linked from the incident by a deterministic
 * {@code related-to} relationship. The incident itself is exported as stored: its extension keeps
 * the list (with the values as entered); the objects here are how other tools read it.
 *
 * <p>Mapping of the extension's {@code observables[].type} (the normalised value is used):
 * {@code url} → url, {@code domain} → domain-name, {@code ipv4} → ipv4-addr (an address or a CIDR range),
 * {@code ipv6} → ipv6-addr, {@code email} → email-addr, {@code file-hash} → file with {@code hashes}
 * (MD5, SHA-1, SHA-256 or SHA-512 by the hash's length), {@code social-account} ({@code platform:handle})
 * → user-account ({@code account_type} the platform, {@code twitter} for X, {@code user_id} and
 * {@code account_login} the handle). {@code phone} has no STIX cyber-observable and stays in the
 * extension only. Each {@code evidence[]} file → file with its SHA-256, name, size and media type.
 * Every object and relationship carries the incident's markings.
 */
final class ObservableStix {

    private ObservableStix() {
    }

    /** One cyber-observable and the relationship that links the incident to it. */
    record Materialised(ObjectNode observable, ObjectNode relationship) {
    }

    static List<Materialised> of(JsonNode incident, ObjectMapper json) {
        JsonNode report = incident.path("extensions").path(KnowledgeStore.REPORT_EXTENSION_ID);
        List<Materialised> all = new ArrayList<>();
        for (JsonNode observable : report.path("observables")) {
            String value = observable.path("normalised").asText(observable.path("value").asText(""));
            if (!value.isBlank()) {
                sco(observable.path("type").asText(""), value.strip(), json)
                        .ifPresent(sco -> all.add(new Materialised(sco, relationship(incident, sco, json))));
            }
        }
        for (JsonNode file : report.path("evidence")) {
            String sha256 = file.path("sha256").asText("").toLowerCase(Locale.ROOT);
            if (sha256.matches("[0-9a-f]{64}")) {
                Map<String, Object> hashes = Map.of("SHA-256", sha256);
                Map<String, Object> contributing = new LinkedHashMap<>();
                contributing.put("hashes", hashes);
                String name = file.path("file_name").asText("");
                if (!name.isBlank()) {
                    contributing.put("name", name);
                }
                ObjectNode sco = base("file", StixIds.observable("file", contributing), json);
                sco.putObject("hashes").put("SHA-256", sha256);
                if (!name.isBlank()) {
                    sco.put("name", name);
                }
                if (file.path("size").canConvertToLong() && file.path("size").asLong() >= 0) {
                    sco.put("size", file.path("size").asLong());
                }
                String mediaType = file.path("media_type").asText("");
                if (mediaType.matches("^(application|audio|font|image|message|model|multipart|text|video)/[a-zA-Z0-9.+_-]+")) {
                    sco.put("mime_type", mediaType);
                }
                all.add(new Materialised(sco, relationship(incident, sco, json)));
            }
        }
        all.forEach(m -> copyMarkings(incident, m.observable()));
        return all;
    }

    private static Optional<ObjectNode> sco(String type, String value, ObjectMapper json) {
        return switch (type) {
            case "url" -> Optional.of(valued("url", value, json));
            case "domain" -> Optional.of(valued("domain-name", value, json));
            case "ipv4" -> Optional.of(valued("ipv4-addr", value, json));
            case "ipv6" -> Optional.of(valued("ipv6-addr", value, json));
            case "email" -> Optional.of(valued("email-addr", value, json));
            case "file-hash" -> HashAlgorithm.forHexLength(value.length()).map(algorithm -> {
                String hex = value.toLowerCase(Locale.ROOT);
                ObjectNode file = base("file", StixIds.observable("file", Map.of("hashes", Map.of(algorithm.label(), hex))), json);
                file.putObject("hashes").put(algorithm.label(), hex);
                return file;
            });
            case "social-account" -> {
                int colon = value.indexOf(':');
                if (colon <= 0 || colon == value.length() - 1) {
                    yield Optional.empty();
                }
                String platform = value.substring(0, colon);
                String accountType = platform.equals("x") ? "twitter" : platform;
                String handle = value.substring(colon + 1);
                ObjectNode account = base("user-account", StixIds.observable("user-account",
                        Map.of("account_type", accountType, "user_id", handle, "account_login", handle)), json);
                account.put("account_type", accountType);
                account.put("user_id", handle);
                account.put("account_login", handle);
                yield Optional.of(account);
            }
            default -> Optional.empty(); // phone numbers: no STIX cyber-observable, they stay in the extension
        };
    }

    private static ObjectNode valued(String type, String value, ObjectMapper json) {
        ObjectNode sco = base(type, StixIds.observable(type, Map.of("value", value)), json);
        sco.put("value", value);
        return sco;
    }

    private static ObjectNode base(String type, String id, ObjectMapper json) {
        ObjectNode sco = json.createObjectNode();
        sco.put("type", type);
        sco.put("spec_version", "2.1");
        sco.put("id", id);
        return sco;
    }

    /** {@code related-to} from the incident; its times are the incident's creation, so that it never changes. */
    private static ObjectNode relationship(JsonNode incident, ObjectNode sco, ObjectMapper json) {
        String source = incident.path("id").asText();
        ObjectNode relationship = json.createObjectNode();
        relationship.put("type", "relationship");
        relationship.put("spec_version", "2.1");
        relationship.put("id", StixIds.relationship(source, "related-to", sco.get("id").asText()));
        relationship.put("created", incident.path("created").asText());
        relationship.put("modified", incident.path("created").asText());
        relationship.put("relationship_type", "related-to");
        relationship.put("source_ref", source);
        relationship.put("target_ref", sco.get("id").asText());
        copyMarkings(incident, relationship);
        return relationship;
    }

    static void copyMarkings(JsonNode from, ObjectNode to) {
        if (from.path("object_marking_refs").isArray() && !from.path("object_marking_refs").isEmpty()) {
            to.set("object_marking_refs", from.get("object_marking_refs").deepCopy());
        }
    }
}
