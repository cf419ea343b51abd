package org.vigie.server.support;

import java.util.Map;
import java.util.UUID;

/**
 * Builds what tests need through the public API, as an administrator would: organisations and
 * accounts with unique names, and clients signed in as them.
 */
public final class Fixtures {

    public static final String PASSWORD = "Fixture-Password-2027";

    private final Api anonymous;
    private final Api admin;

    public Fixtures(int port) {
        this.anonymous = Api.anonymous(port);
        this.admin = anonymous.withNewToken("admin", VigieTest.ADMIN_PASSWORD);
    }

    public Api anonymous() {
        return anonymous;
    }

    public Api admin() {
        return admin;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UUID organisation(String sector) {
        Api.Response created = admin.post("/api/v1/organisations",
                Map.of("name", unique("Org"), "sector", sector, "country", "FR", "description", "test organisation"));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create an organisation: " + created);
        }
        return UUID.fromString(created.json().get("id").asText());
    }

    /** Opens an account and returns its username; its password is {@link #PASSWORD}. */
    public String account(UUID organisation, String role) {
        String username = unique(role.toLowerCase());
        Api.Response created = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "displayName", "Test " + role, "organisationId", organisation.toString(), "role", role));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create an account: " + created);
        }
        return username;
    }

    public Api signedIn(String username) {
        return anonymous.withNewToken(username, PASSWORD);
    }
}
