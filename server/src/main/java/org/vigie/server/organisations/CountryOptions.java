package org.vigie.server.organisations;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigie.core.organisations.CountryCode;

/** Country choices for select boxes, named and sorted in the reader's language; other modules' forms use it too. */
public final class CountryOptions {

    /**
     * The user-assigned code that exercises use for a fictional country; offered so that training
     * organisations can be created from the form and not only through the API.
     */
    public static final String EXERCISE_COUNTRY = "XV";

    public record Option(String code, String label) {
    }

    private CountryOptions() {
    }

    /** Every assigned code and the exercise code, plus {@code current} when it is a valid code not among them. */
    public static List<Option> all(Locale locale, String current) {
        Set<String> codes = new LinkedHashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add(EXERCISE_COUNTRY);
        if (current != null && CountryCode.isValid(current.trim().toUpperCase(Locale.ROOT))) {
            codes.add(current.trim().toUpperCase(Locale.ROOT));
        }
        return sorted(codes.stream().map(CountryCode::new).toList(), locale);
    }

    static List<Option> sorted(Collection<CountryCode> countries, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        List<Option> options = new ArrayList<>(countries.stream().distinct()
                .map(c -> new Option(c.value(), c.displayName(locale))).toList());
        options.sort(Comparator.comparing(Option::label, collator));
        return options;
    }
}
