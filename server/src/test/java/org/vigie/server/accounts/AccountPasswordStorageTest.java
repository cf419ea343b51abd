package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class AccountPasswordStorageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        Fixtures fixtures = new Fixtures(port);
        String username = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");

        String stored = jdbc.sql("SELECT password_hash FROM accounts WHERE username = :u").param("u", username)
                .query(String.class).single();

        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void theAuditLogNeverHoldsAPassword() {
        Fixtures fixtures = new Fixtures(port);
        String username = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");

        List<String> details = jdbc.sql("SELECT details FROM audit_log WHERE details LIKE :u").param("u", "%" + username + "%")
                .query(String.class).list();

        assertThat(details).isNotEmpty().noneMatch(d -> d.contains(Fixtures.PASSWORD));
    }
}
