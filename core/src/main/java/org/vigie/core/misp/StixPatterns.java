package org.vigie.core.misp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * STIX 2.1 patterns for MISP attributes marked for detection ({@code to_ids}). One attribute gives
 * one observation; the attributes of one MISP object (a file with its name and hashes, a domain
 * with its addresses) give one pattern in which the comparisons on the same STIX object type are
 * joined in a single observation, as STIX requires that a conjunction inside an observation be on
 * one object type. Types STIX patterning cannot express give nothing: the caller keeps them
 * elsewhere.
 */
public final class StixPatterns {

    private StixPatterns() {
    }

    /** {@code objectType:path = value}; numeric values are written without quotes. */
    public record Comparison(String objectType, String path, String value, boolean numeric) {

        String text() {
            return objectType + ":" + path + " = " + (numeric ? value : literal(value));
        }
    }

    /** A pattern and its language: "stix" for STIX patterning, or the rule language MISP carried (snort, yara, sigma…). */
    public record Detection(String patternType, String pattern) {
    }

    private static final Map<String, String> HASHES = new LinkedHashMap<>();

    static {
        HASHES.put("md5", "MD5");
        HASHES.put("sha1", "'SHA-1'");
        HASHES.put("sha224", "'SHA-224'");
        HASHES.put("sha256", "'SHA-256'");
        HASHES.put("sha384", "'SHA-384'");
        HASHES.put("sha512", "'SHA-512'");
        HASHES.put("sha512/224", "'SHA-512/224'");
        HASHES.put("sha512/256", "'SHA-512/256'");
        HASHES.put("sha3-224", "'SHA3-224'");
        HASHES.put("sha3-256", "'SHA3-256'");
        HASHES.put("sha3-384", "'SHA3-384'");
        HASHES.put("sha3-512", "'SHA3-512'");
        HASHES.put("ssdeep", "SSDEEP");
        HASHES.put("tlsh", "TLSH");
        HASHES.put("imphash", "IMPHASH");
        HASHES.put("authentihash", "AUTHENTIHASH");
        HASHES.put("vhash", "VHASH");
    }

    /** Rule languages STIX 2.1 names in its pattern-type vocabulary (or that tools commonly use), kept as they are. */
    private static final List<String> RULE_LANGUAGES = List.of("snort", "suricata", "yara", "sigma");

    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Pattern AS_NUMBER = Pattern.compile("(?i)(?:AS)?(\\d{1,10})");

    /** The comparisons one attribute stands for; empty when STIX patterning has none for its type. */
    public static List<Comparison> comparisons(String type, String value) {
        List<Comparison> out = new ArrayList<>();
        if (type == null || value == null || value.isBlank()) {
            return out;
        }
        String v = value.strip();
        String t = type.toLowerCase(Locale.ROOT);
        if (HASHES.containsKey(t)) {
            out.add(new Comparison("file", "hashes." + HASHES.get(t), v, false));
            return out;
        }
        if (t.startsWith("filename|") && HASHES.containsKey(t.substring("filename|".length()))) {
            String[] parts = split(v);
            if (parts != null) {
                out.add(new Comparison("file", "name", parts[0], false));
                out.add(new Comparison("file", "hashes." + HASHES.get(t.substring("filename|".length())), parts[1], false));
            }
            return out;
        }
        switch (t) {
            case "domain", "hostname" -> out.add(new Comparison("domain-name", "value", v, false));
            case "ip-src", "ip-dst" -> out.add(new Comparison(ipType(v), "value", v, false));
            case "ip-src|port", "ip-dst|port" -> {
                String[] parts = splitPort(v);
                String side = t.startsWith("ip-src") ? "src" : "dst";
                if (parts != null) {
                    out.add(new Comparison("network-traffic", side + "_ref.value", parts[0], false));
                    out.add(new Comparison("network-traffic", side + "_port", parts[1], true));
                }
            }
            case "hostname|port" -> {
                String[] parts = splitPort(v);
                if (parts != null) {
                    out.add(new Comparison("network-traffic", "dst_ref.value", parts[0], false));
                    out.add(new Comparison("network-traffic", "dst_port", parts[1], true));
                }
            }
            case "domain|ip" -> {
                String[] parts = split(v);
                if (parts != null) {
                    out.add(new Comparison("domain-name", "value", parts[0], false));
                    out.add(new Comparison("domain-name", "resolves_to_refs[*].value", parts[1], false));
                }
            }
            case "url", "uri", "link" -> out.add(new Comparison("url", "value", v, false));
            case "email", "email-src", "email-dst", "target-email", "eppn" -> out.add(new Comparison("email-addr", "value", v, false));
            case "email-subject" -> out.add(new Comparison("email-message", "subject", v, false));
            case "email-attachment" -> out.add(new Comparison("email-message", "body_multipart[*].body_raw_ref.name", v, false));
            case "filename" -> out.add(new Comparison("file", "name", v, false));
            case "mutex" -> out.add(new Comparison("mutex", "name", v, false));
            case "regkey" -> out.add(new Comparison("windows-registry-key", "key", v, false));
            case "regkey|value" -> {
                String[] parts = split(v);
                if (parts != null) {
                    out.add(new Comparison("windows-registry-key", "key", parts[0], false));
                    out.add(new Comparison("windows-registry-key", "values[*].data", parts[1], false));
                }
            }
            case "mac-address" -> out.add(new Comparison("mac-addr", "value", v.toLowerCase(Locale.ROOT), false));
            case "user-agent" -> out.add(new Comparison("network-traffic", "extensions.'http-request-ext'.request_header.'User-Agent'", v, false));
            case "x509-fingerprint-sha1" -> out.add(new Comparison("x509-certificate", "hashes.'SHA-1'", v, false));
            case "x509-fingerprint-sha256" -> out.add(new Comparison("x509-certificate", "hashes.'SHA-256'", v, false));
            case "x509-fingerprint-md5" -> out.add(new Comparison("x509-certificate", "hashes.MD5", v, false));
            case "AS", "as" -> {
                var m = AS_NUMBER.matcher(v);
                if (m.matches()) {
                    out.add(new Comparison("autonomous-system", "number", m.group(1), true));
                }
            }
            default -> {
                // no STIX Cyber-observable for this MISP type: the caller preserves the attribute as it was
            }
        }
        return out;
    }

    /** The detection rule for one attribute, or empty. */
    public static Optional<Detection> forAttribute(String type, String value) {
        if (type == null || value == null || value.isBlank()) {
            return Optional.empty();
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("stix2-pattern")) {
            return Optional.of(new Detection("stix", value.strip()));
        }
        if (RULE_LANGUAGES.contains(t)) {
            return Optional.of(new Detection(t, value));
        }
        return of(comparisons(type, value));
    }

    /**
     * The pattern for a MISP object's attributes ({type, value} pairs): comparisons on the same STIX
     * type form one observation, in which repeated values of one property are alternatives (OR) and
     * different properties all hold (AND); observations are joined with AND. An address next to a
     * domain in the same object is the domain's resolution.
     */
    public static Optional<Detection> forObject(List<String[]> typedValues) {
        List<Comparison> all = new ArrayList<>();
        boolean hasDomain = typedValues.stream().anyMatch(tv -> tv[0].equals("domain") || tv[0].equals("hostname"));
        for (String[] tv : typedValues) {
            for (Comparison c : comparisons(tv[0], tv[1])) {
                if (hasDomain && (c.objectType().equals("ipv4-addr") || c.objectType().equals("ipv6-addr"))) {
                    all.add(new Comparison("domain-name", "resolves_to_refs[*].value", c.value(), false));
                } else {
                    all.add(c);
                }
            }
        }
        // the object's identifying property first (a domain's value, a file's name), then what qualifies it
        all.sort(java.util.Comparator.comparingInt(c -> c.path().equals("value") || c.path().equals("name") ? 0 : 1));
        return of(all);
    }

    private static Optional<Detection> of(List<Comparison> comparisons) {
        if (comparisons.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, List<Comparison>>> byType = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            List<Comparison> same = byType.computeIfAbsent(c.objectType(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.path(), k -> new ArrayList<>());
            if (same.stream().noneMatch(s -> s.value().equals(c.value()))) {
                same.add(c);
            }
        }
        List<String> observations = new ArrayList<>();
        for (Map<String, List<Comparison>> paths : byType.values()) {
            List<String> terms = new ArrayList<>();
            for (List<Comparison> alternatives : paths.values()) {
                List<String> texts = alternatives.stream().map(Comparison::text).toList();
                terms.add(texts.size() == 1 || paths.size() == 1 ? String.join(" OR ", texts) : "(" + String.join(" OR ", texts) + ")");
            }
            observations.add("[" + String.join(" AND ", terms) + "]");
        }
        return Optional.of(new Detection("stix", String.join(" AND ", observations)));
    }

    /** A STIX pattern string literal: quotes and backslashes escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String ipType(String value) {
        return value.contains(":") ? "ipv6-addr" : "ipv4-addr";
    }

    /** MISP's composite values: "a|b". */
    private static String[] split(String value) {
        int bar = value.indexOf('|');
        if (bar <= 0 || bar == value.length() - 1) {
            return null;
        }
        return new String[] {value.substring(0, bar).strip(), value.substring(bar + 1).strip()};
    }

    private static String[] splitPort(String value) {
        String[] parts = split(value);
        return parts != null && PORT.matcher(parts[1]).matches() ? parts : null;
    }
}
