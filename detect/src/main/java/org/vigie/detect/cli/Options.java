package org.vigie.detect.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigie.detect.coaction.CoActionType;

/** Parsing of command-line option values; every failure is an {@link IllegalArgumentException} naming the option. */
final class Options {
    private Options() {
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    static long parseLong(String value, String option) {
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
        }
    }

    static long positiveLong(String value, String option) {
        long v = parseLong(value, option);
        if (v <= 0) {
            throw new IllegalArgumentException(option + " must be > 0, was " + v);
        }
        return v;
    }

    static double parseDouble(String value, String option) {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was '" + value + "'");
        }
    }

    /** {@code co-link,co-text}: the co-action types, by their keys; an unknown key is named with the valid ones. */
    static Set<CoActionType> types(String value) {
        Set<CoActionType> types = EnumSet.noneOf(CoActionType.class);
        for (String key : value.split(",")) {
            String k = key.trim();
            if (k.isEmpty()) {
                continue;
            }
            try {
                types.add(CoActionType.fromKey(k));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--types: unknown co-action type '" + k + "'; one of "
                        + typeKeys(EnumSet.allOf(CoActionType.class)));
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("--types: name at least one co-action type");
        }
        return types;
    }

    static String typeKeys(Set<CoActionType> types) {
        return EnumSet.copyOf(types).stream().map(CoActionType::key).collect(Collectors.joining(","));
    }
}
