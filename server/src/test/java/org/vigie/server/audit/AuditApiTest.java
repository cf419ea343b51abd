package org.vigie.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class AuditApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
    }

    @Test
    void aChangeIsRecordedWithWhoWhatAndFromWhere() {
        String name = Fixtures.unique("Audited");
        String id = fixtures.admin().post("/api/v1/organisations", Map.of("name", name, "sector", "MEDIA", "country", "FR"))
                .json().get("id").asText();

        JsonNode entry = fixtures.admin().get("/api/v1/audit?targetType=organisation&targetId=" + id).json().get("entries").get(0);

        assertThat(entry.get("action").asText()).isEqualTo("organisation.created");
        assertThat(entry.get("actorName").asText()).isEqualTo("admin");
        assertThat(entry.get("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(entry.get("details").asText()).contains(name);
        assertThat(entry.get("hash").asText()).hasSize(64);
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() {
        JsonNode first = fixtures.admin().get("/api/v1/audit?size=2").json();
        long before = first.get("nextBefore").asLong();

        JsonNode second = fixtures.admin().get("/api/v1/audit?size=2&before=" + before).json();

        assertThat(second.get("entries").get(0).get("sequence").asLong()).isLessThan(before);
    }

    @Test
    void onlyPlatformAdministratorsReadTheLog() {
        Api orgAdmin = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ADMINISTRATOR"));

        assertThat(orgAdmin.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(orgAdmin.get("/api/v1/audit/verification").status()).isEqualTo(403);
        assertThat(fixtures.anonymous().get("/api/v1/audit").status()).isEqualTo(401);
    }
}
