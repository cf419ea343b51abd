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
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    /** Every key of every English bundle: what a page or a service may refer to. */
    private static Set<String> allKeys() throws IOException {
        Set<String> all = new TreeSet<>();
        for (Path bundle : englishBundles()) {
            all.addAll(keys(bundle));
        }
        return all;
    }

    private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }

    @Test
    void everyKeyThePagesUseHasAText() throws IOException {
        Set<String> used = matches(RESOURCES.resolve("templates"), ".html", Pattern.compile("#\\{([a-zA-Z][\\w.]+)[}(]"));
        assertThat(used).as("keys found in templates").contains("login.title", "audit.title");

        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(allKeys());
        assertThat(missing).as("keys used in templates but in no bundle").isEmpty();
    }

    @Test
    void everyKeyTheServicesThrowHasAText() throws IOException {
        Pattern thrown = Pattern.compile("(?:InvalidFieldException|ConflictException|rejectValue)\\(\\s*[^,()]+,\\s*\"([a-zA-Z][\\w.]+)\"");
        Set<String> keys = matches(Path.of("src/main/java"), ".java", thrown);
        assertThat(keys).as("keys found in code").contains("account.username.taken", "organisation.name.taken");

        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(allKeys());
        assertThat(missing).as("keys thrown by services but in no bundle").isEmpty();
    }

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        // MessageFormat reads a lone ' as a quote: "l'organisation {0}" would lose its apostrophe and its argument
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path bundle : files.filter(p -> p.toString().endsWith(".properties") && !p.getFileName().toString().startsWith("application")).toList()) {
                Properties messages = load(bundle);
                for (String key : messages.stringPropertyNames()) {
                    String text = messages.getProperty(key);
                    if (text.matches("(?s).*\\{\\d.*") && text.matches("(?s).*(?<!')'(?!').*")) {
                        broken.add(bundle.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
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

    /** Strict UTF-8, as Spring Boot reads bundles: a stray Latin-1 byte fails here rather than showing as "\uFFFD". */
    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT))) {
            properties.load(reader);
        }
        return properties;
    }
}
