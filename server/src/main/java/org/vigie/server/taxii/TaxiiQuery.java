package org.vigie.server.taxii;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters and paging of one TAXII request, parsed and checked: a malformed value is a 400 that
 * names the parameter and the value, never a silently ignored filter (a client that thinks it
 * filtered would forward too much). Repeated parameters are read as one comma-separated list.
 *
 * @param versions     {@code match[version]}: "first", "last", "all" and timestamps; empty = the endpoint's default
 * @param limit        the page size, already bounded by the server's maximum
 * @param next         the raw {@code next} cursor, checked by {@link PageCursors}; null on a first page
 */
record TaxiiQuery(Instant addedAfter, Set<String> ids, Set<String> types, Set<String> versions, Set<String> specVersions,
                  int limit, String next) {

    private static final Pattern STIX_ID = Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern STIX_TYPE = Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]|[a-z]");
    private static final Pattern SPEC_VERSION = Pattern.compile("[0-9]+\\.[0-9]+");

    static TaxiiQuery parse(Map<String, String[]> parameters, TaxiiSettings settings) {
        Instant addedAfter = single(parameters, "added_after") == null ? null : timestamp("added_after", single(parameters, "added_after"));
        Set<String> ids = list(parameters, "match[id]");
        ids.forEach(id -> checkId("match[id]", id));
        Set<String> types = list(parameters, "match[type]");
        types.forEach(type -> check(STIX_TYPE, "match[type]", type, "a STIX type such as indicator"));
        Set<String> versions = list(parameters, "match[version]");
        for (String version : versions) {
            if (!version.equals("first") && !version.equals("last") && !version.equals("all")) {
                timestamp("match[version]", version);
            }
        }
        Set<String> specVersions = list(parameters, "match[spec_version]");
        specVersions.forEach(v -> check(SPEC_VERSION, "match[spec_version]", v, "a STIX specification version such as 2.1"));
        int limit = settings.defaultLimit();
        String limitText = single(parameters, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                throw TaxiiException.badParameter("limit", "'" + limitText + "' is not a whole number");
            }
            if (limit < 1) {
                throw TaxiiException.badParameter("limit", limit + " is not a positive number of objects");
            }
            limit = Math.min(limit, settings.maxLimit()); // the specification lets a server serve fewer than asked
        }
        String next = single(parameters, "next");
        if (next != null && next.isBlank()) {
            throw TaxiiException.badParameter("next", "is empty; send back the 'next' value of the previous page");
        }
        return new TaxiiQuery(addedAfter, ids, types, versions, specVersions, limit, next);
    }

    static void checkId(String parameter, String id) {
        check(STIX_ID, parameter, id, "a STIX identifier such as indicator--<UUID>");
    }

    /** The timestamps among {@code match[version]}. */
    List<Instant> versionTimestamps() {
        List<Instant> timestamps = new ArrayList<>();
        versions.stream().filter(v -> !v.equals("first") && !v.equals("last") && !v.equals("all")).forEach(v -> timestamps.add(Instant.parse(v)));
        return timestamps;
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw TaxiiException.badParameter(name, "given " + values.length + " times; give it once");
        }
        return values[0];
    }

    private static Set<String> list(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        Set<String> items = new LinkedHashSet<>();
        if (values == null) {
            return items;
        }
        for (String value : values) {
            for (String item : value.split(",", -1)) {
                String trimmed = item.trim();
                if (trimmed.isEmpty()) {
                    throw TaxiiException.badParameter(name, "has an empty item in '" + value + "'");
                }
                items.add(trimmed);
            }
        }
        return items;
    }

    private static void check(Pattern pattern, String parameter, String value, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw TaxiiException.badParameter(parameter, "'" + value + "' is not " + expected);
        }
    }

    private static Instant timestamp(String parameter, String value) {
        try {
            if (!value.endsWith("Z")) {
                throw new DateTimeParseException("no Z", value, 0);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw TaxiiException.badParameter(parameter, "'" + value + "' is not a timestamp such as 2026-11-24T10:15:30.000Z"
                    + (parameter.equals("match[version]") ? ", nor first, last or all" : ""));
        }
    }
}
