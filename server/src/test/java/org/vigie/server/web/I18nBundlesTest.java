package org.vigie.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every English message has its French translation and the reverse, and templates hold no words
 * of their own: what a person reads comes from the bundles, so nothing appears in one language only.
 */
class I18nBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    /** Words that are the same in every language: the product's name, language codes, symbols. */
    private static final Set<String> UNTRANSLATED = Set.of("Vigie", "EN", "FR", "#", "◉", "API", "—", "·");
    private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile("<([a-zA-Z][\\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>([^<]*\\p{L}[^<]*)<");

    private static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().contains("_"))
                    .filter(p -> !p.getFileName().toString().startsWith("application"))
                    .toList();
        }
    }

    private static Set<String> keys(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void everyBundleHasTheSameKeysInFrenchAndEnglish() throws IOException {
        List<Path> bundles = englishBundles();
        assertThat(bundles).isNotEmpty();
        for (Path english : bundles) {
            Path french = english.resolveSibling(english.getFileName().toString().replace(".properties", "_fr.properties"));
            assertThat(french).as("French bundle beside %s", english).exists();
            Set<String> missingInFrench = new TreeSet<>(keys(english));
            missingInFrench.removeAll(keys(french));
            Set<String> missingInEnglish = new TreeSet<>(keys(french));
            missingInEnglish.removeAll(keys(english));
            assertThat(missingInFrench).as("keys of %s missing in French", english.getFileName()).isEmpty();
            assertThat(missingInEnglish).as("keys of %s missing in English", french.getFileName()).isEmpty();
        }
    }

    @Test
    void frenchTranslationsAreNotLeftInEnglish() throws IOException {
        List<String> identical = new ArrayList<>();
        for (Path english : englishBundles()) {
            Path french = english.resolveSibling(english.getFileName().toString().replace(".properties", "_fr.properties"));
            Properties en = load(english);
            Properties fr = load(french);
            for (String key : en.stringPropertyNames()) {
                String value = en.getProperty(key);
                if (value.length() > 24 && value.equals(fr.getProperty(key))) {
                    identical.add(key);
                }
            }
        }
        assertThat(identical).as("long messages with the same text in both languages").isEmpty();
    }

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
                Matcher matcher = TEXT_BETWEEN_TAGS.matcher(html);
                while (matcher.find()) {
                    String attributes = matcher.group(2);
                    String text = matcher.group(3).strip();
                    boolean replaced = attributes.matches("(?s).*\\bth:(u?text|replace|insert|errors)\\b.*");
                    boolean script = matcher.group(1).equalsIgnoreCase("script") || matcher.group(1).equalsIgnoreCase("style");
                    if (!replaced && !script && !UNTRANSLATED.contains(text) && !text.matches("[\\s\\p{Punct}\\d◉·—]*")) {
                        literals.add(RESOURCES.relativize(template) + ": \"" + text + "\"");
                    }
                }
            }
        }
        assertThat(literals).as("text in templates that does not come from a message bundle").isEmpty();
    }

    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
