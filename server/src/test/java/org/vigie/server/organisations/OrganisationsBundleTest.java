package org.vigie.server.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.vigie.core.organisations.ContactTopic;
import org.vigie.core.organisations.Sector;

/** The organisations bundle speaks English and French alike, and names every sector and topic. */
class OrganisationsBundleTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OrganisationsBundleTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        assertThat(bundle("organisations_fr").keySet()).isEqualTo(bundle("organisations").keySet());
    }

    @Test
    void everySectorAndTopicHasALabel() throws IOException {
        Properties english = bundle("organisations");

        assertThat(Arrays.stream(Sector.values()).map(s -> "sector." + s)).allMatch(english::containsKey);
        assertThat(Arrays.stream(ContactTopic.values()).map(t -> "topic." + t)).allMatch(english::containsKey);
    }

    @Test
    void theFrenchLabelsAreFrench() throws IOException {
        Properties french = bundle("organisations_fr");

        assertThat(french.getProperty("sector.CIVIL_SOCIETY")).isEqualTo("Société civile");
        assertThat(french.getProperty("topic.DUTY_24_7")).isEqualTo("Permanence 24 h/24");
    }
}
