package org.vigie.core.observables;

import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 form: {@code +} and 8 to 15 digits, country code first. National forms
 * ({@code 06 12 34 56 78}) are refused rather than guessed: the same digits are different numbers in
 * different countries, and reports come from several. The {@code (0)} that European numbers carry
 * between the country code and the number ({@code +33 (0)6…}) is the national trunk prefix, dropped
 * when dialling internationally, so it is dropped here too.
 */
final class PhoneNumbers {

    private static final String NEEDS_PREFIX = "phone numbers need the international prefix, e.g. +33…";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()/\\u00A0]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private PhoneNumbers() {
    }

    static String normalise(String text) {
        String value = text.strip();
        if (value.regionMatches(true, 0, "tel:", 0, 4)) {
            value = value.substring(4).strip();
        }
        if (value.startsWith("00")) {
            throw new InvalidObservableException(NEEDS_PREFIX + ": write + instead of the leading 00");
        }
        if (!value.startsWith("+")) {
            throw new InvalidObservableException(NEEDS_PREFIX + " (a national number means different things in different countries)");
        }
        String digits = SEPARATORS.matcher(value.substring(1).replace("(0)", "")).replaceAll("");
        if (!DIGITS.matcher(digits).matches()) {
            throw new InvalidObservableException("not a valid phone number: " + value + " (only digits, spaces, dots, dashes and brackets after the +)");
        }
        if (digits.startsWith("0")) {
            throw new InvalidObservableException("not a valid phone number: " + value + " (no country code starts with 0)");
        }
        if (digits.length() < 8 || digits.length() > 15) {
            throw new InvalidObservableException("not a valid phone number: " + value + " (an international number has 8 to 15 digits, this has "
                    + digits.length() + ")");
        }
        return "+" + digits;
    }
}
