package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The accounts message bundles: both languages complete, and every key the code and pages use present. No application needed. */
class AccountMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/vigie/server/accounts");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/accounts");
    /** new InvalidFieldException(field, "key", ...), new ConflictException(...), rejectValue(field, "key"), new Notice("key", ...) */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:(?:InvalidFieldException|ConflictException|rejectValue)\\(\\s*[^,()]+,\\s*|new Notice\\(\\s*)\"([a-zA-Z.]+)\"");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z][a-zA-Z.]+)[}(]|'(account\\.[a-zA-Z.]+|profile\\.[a-zA-Z.]+)'");

    private static Properties bundle(String name) throws IOException {
        try (InputStream in = AccountMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            Properties properties = new Properties();
            // strict UTF-8, as Spring Boot reads the bundles: a stray Latin-1 byte fails here rather than showing as "�"
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            return properties;
        } catch (CharacterCodingException e) {
            throw new AssertionError(name + " is not valid UTF-8", e);
        }
    }

    private static Set<String> keysIn(Path directory, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        return keys;
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        assertThat(bundle("accounts_fr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("accounts.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheServicesThrowHasAText() throws IOException {
        Set<String> thrown = keysIn(SOURCES, ".java", KEY_IN_CODE);
        assertThat(thrown).contains("account.username.invalid", "account.username.taken", "account.organisation.required",
                "account.organisation.unknown", "account.role.required", "account.platformAdmin.needsOrganisation",
                "account.self.lockout", "password.tooShort", "password.tooLong", "password.isUsername",
                "password.current.wrong", "password.unchanged");

        assertThat(bundle("accounts.properties").stringPropertyNames()).containsAll(thrown);
    }

    @Test
    void everyKeyThePagesUseHasAText() throws IOException {
        Set<String> used = keysIn(TEMPLATES, ".html", KEY_IN_TEMPLATE);
        assertThat(used).contains("users.title", "profile.tokens.copy", "account.form.username");

        Properties known = bundle("accounts.properties");
        Properties shared = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            shared.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(used).allMatch(key -> known.containsKey(key) || shared.containsKey(key), "has a text");
    }

    @Test
    void frenchMessagesWithArgumentsUseNoStraightApostrophe() throws IOException {
        // MessageFormat treats ' as a quote: "l'organisation {0}" would lose its apostrophe and its argument
        Properties french = bundle("accounts_fr.properties");
        assertThat(french.stringPropertyNames())
                .filteredOn(key -> french.getProperty(key).contains("{0}"))
                .allMatch(key -> !french.getProperty(key).contains("'"), "has no straight apostrophe");
    }
}
