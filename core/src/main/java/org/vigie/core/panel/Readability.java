package org.vigie.core.panel;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A readability hint for a public statement while it is written: how long its sentences and words
 * are, and a reading-ease score on the 0–100 scale the plain-language guides use — Flesch reading ease
 * for English and its French adaptation by Kandel and Moles (same shape, a smaller syllable weight,
 * because French words have more syllables for the same difficulty). Higher is easier; a statement
 * meant for every citizen should aim at 60 or more with sentences under about 20 words.
 *
 * <p>It is a hint, never a gate: syllables are counted with a heuristic (groups of vowels, a silent
 * final "e"), which is close enough to compare two drafts of the same text and to point at long
 * sentences, not to grade prose. Pure: no framework, no dictionary.
 */
public final class Readability {

    /** Sentences longer than this are pointed at: they are the first thing to split. */
    public static final int LONG_SENTENCE_WORDS = 25;
    /** A word of this many syllables or more counts as long. */
    public static final int LONG_WORD_SYLLABLES = 4;

    public enum Language { FR, EN }

    /** The band a score falls in, for a short label next to the text. */
    public enum Level {
        /** 60 and above: plain language, what a statement to the public should be. */
        PLAIN,
        /** 40 to 60: readable with effort; shorten sentences. */
        FAIRLY_DIFFICULT,
        /** Below 40: for specialists. */
        DIFFICULT,
        /** No text yet. */
        EMPTY
    }

    /**
     * @param score          reading ease, rounded to one decimal, clamped to 0–100 (0 when there is no text)
     * @param longSentences  the sentences of more than {@link #LONG_SENTENCE_WORDS} words, as written
     */
    public record Hint(Language language, int sentences, int words, int syllables, double wordsPerSentence,
                       double syllablesPerWord, int longWords, List<String> longSentences, double score, Level level) {

        public Hint {
            Objects.requireNonNull(language, "language");
            longSentences = List.copyOf(longSentences);
        }
    }

    private Readability() {
    }

    public static Hint of(Language language, String text) {
        Objects.requireNonNull(language, "language");
        String source = text == null ? "" : text.strip();
        Locale locale = language == Language.FR ? Locale.FRENCH : Locale.ENGLISH;
        List<String> sentences = sentences(source, locale);
        int words = 0;
        int syllables = 0;
        int longWords = 0;
        List<String> longSentences = new ArrayList<>();
        int countedSentences = 0;
        for (String sentence : sentences) {
            List<String> inSentence = words(sentence);
            if (inSentence.isEmpty()) {
                continue;
            }
            countedSentences++;
            words += inSentence.size();
            for (String word : inSentence) {
                int s = syllables(word, language);
                syllables += s;
                if (s >= LONG_WORD_SYLLABLES) {
                    longWords++;
                }
            }
            if (inSentence.size() > LONG_SENTENCE_WORDS) {
                longSentences.add(sentence.strip());
            }
        }
        if (words == 0) {
            return new Hint(language, 0, 0, 0, 0, 0, 0, List.of(), 0, Level.EMPTY);
        }
        double wordsPerSentence = (double) words / countedSentences;
        double syllablesPerWord = (double) syllables / words;
        double score = switch (language) {
            // Flesch (1948)
            case EN -> 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
            // Kandel & Moles (1958), the French adaptation of Flesch
            case FR -> 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord;
        };
        score = Math.max(0, Math.min(100, Math.round(score * 10) / 10.0));
        Level level = score >= 60 ? Level.PLAIN : score >= 40 ? Level.FAIRLY_DIFFICULT : Level.DIFFICULT;
        return new Hint(language, countedSentences, words, syllables, round(wordsPerSentence), round(syllablesPerWord), longWords,
                longSentences, score, level);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static List<String> sentences(String text, Locale locale) {
        List<String> sentences = new ArrayList<>();
        if (text.isEmpty()) {
            return sentences;
        }
        // a paragraph break ends a sentence even without a full stop (headings, list items)
        for (String paragraph : text.split("\\R\\s*\\R|\\R(?=\\s*[-*•]\\s)")) {
            BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
            iterator.setText(paragraph);
            int start = iterator.first();
            for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                String sentence = paragraph.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }

    /** Words: runs of letters and digits; "l'élection" and "aujourd'hui" split at the apostrophe as a reader hears them. */
    static List<String> words(String sentence) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (Character.isLetterOrDigit(c) || (c == '-' && current.length() > 0)) {
                current.append(c);
            } else if (current.length() > 0) {
                words.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            words.add(current.toString());
        }
        words.replaceAll(w -> w.endsWith("-") ? w.substring(0, w.length() - 1) : w);
        words.removeIf(String::isEmpty);
        return words;
    }

    /**
     * Groups of vowels, less a silent final "e" ("made", French "pomme"; not "le", "the"). A number
     * counts as one syllable per digit group — crude, but numbers are short in plain writing.
     */
    static int syllables(String word, Language language) {
        String w = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (w.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        int count = 0;
        boolean previousVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
            if (vowel && !previousVowel) {
                count++;
            }
            previousVowel = vowel;
        }
        if (count > 1) {
            boolean silentE = switch (language) {
                case EN -> w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee");
                case FR -> w.endsWith("e") || w.endsWith("es");
            };
            if (silentE) {
                count--;
            }
        }
        return Math.max(1, count);
    }
}
