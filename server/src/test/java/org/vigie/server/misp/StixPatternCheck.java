package org.vigie.server.misp;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a pattern is well-formed STIX 2.1 patterning of the shape Vigie writes (observations
 * of comparisons joined by AND/OR, each observation on one object type, as the STIX grammar requires
 * for AND), independently of the code that writes them.
 */
final class StixPatternCheck {

    private static final String OBJECT = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final String STEP = "(?:[a-z0-9_]+|'[^']+')(?:\\[\\*\\])?";
    private static final String PATH = STEP + "(?:\\." + STEP + ")*";
    private static final String LITERAL = "(?:'(?:[^'\\\\]|\\\\['\\\\])*'|\\d+)";
    private static final String COMPARISON = "(" + OBJECT + "):" + PATH + " = " + LITERAL;
    private static final String TERM = "(?:" + COMPARISON + "|\\(" + COMPARISON + "(?: OR " + COMPARISON + ")*\\))";
    private static final String OBSERVATION = "\\[" + TERM + "(?: (?:AND|OR) " + TERM + ")*\\]";
    private static final Pattern WHOLE = Pattern.compile(OBSERVATION + "(?: AND " + OBSERVATION + ")*");
    private static final Pattern ONE_OBSERVATION = Pattern.compile(OBSERVATION);
    private static final Pattern ONE_COMPARISON = Pattern.compile(COMPARISON);

    private StixPatternCheck() {
    }

    /** Null if valid, else why not. */
    static String problem(String pattern) {
        if (!WHOLE.matcher(pattern).matches()) {
            return "not STIX patterning: " + pattern;
        }
        Matcher observations = ONE_OBSERVATION.matcher(pattern);
        while (observations.find()) {
            Set<String> types = new LinkedHashSet<>();
            Matcher comparisons = ONE_COMPARISON.matcher(observations.group());
            while (comparisons.find()) {
                types.add(comparisons.group(1));
            }
            if (types.size() > 1) {
                return "one observation compares several object types " + types + ": " + observations.group();
            }
        }
        return null;
    }
}
