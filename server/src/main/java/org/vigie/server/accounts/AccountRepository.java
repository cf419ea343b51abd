package org.vigie.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.accounts.OrganisationRole;

@Repository
class AccountRepository {

    private static final String COLUMNS = """
            id, username, display_name, email, organisation_id, role, platform_admin, locale, enabled,
            failed_logins, locked_until, created_at, updated_at""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = :id").param("id", id)
                .query(AccountRepository::map).optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE username = :username").param("username", username)
                .query(AccountRepository::map).optional();
    }

    Optional<String> passwordHash(UUID id) {
        return jdbc.sql("SELECT password_hash FROM accounts WHERE id = :id").param("id", id).query(String.class).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM accounts WHERE username = :username").param("username", username)
                .query(Long.class).single() > 0;
    }

    boolean exists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts)").query(Boolean.class).single();
    }

    List<Account> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts ORDER BY username").query(AccountRepository::map).list();
    }

    List<Account> findByOrganisation(UUID organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE organisation_id = :org ORDER BY username")
                .param("org", organisationId).query(AccountRepository::map).list();
    }

    void insert(Account account, String passwordHash) {
        jdbc.sql("""
                INSERT INTO accounts (id, username, password_hash, display_name, email, organisation_id, role,
                                      platform_admin, locale, enabled, password_changed_at, created_at, updated_at)
                VALUES (:id, :username, :hash, :displayName, :email, :org, :role, :platformAdmin, :locale, :enabled,
                        :now, :now, :now)""")
                .param("id", account.id())
                .param("username", account.username())
                .param("hash", passwordHash)
                .param("displayName", account.displayName())
                .param("email", account.email())
                .param("org", account.organisationId())
                .param("role", account.role() == null ? null : account.role().name())
                .param("platformAdmin", account.platformAdministrator())
                .param("locale", account.locale())
                .param("enabled", account.enabled())
                .param("now", Timestamp.from(account.createdAt()))
                .update();
    }

    void update(Account account) {
        jdbc.sql("""
                UPDATE accounts SET display_name = :displayName, email = :email, role = :role,
                       platform_admin = :platformAdmin, enabled = :enabled, locale = :locale, updated_at = :now
                WHERE id = :id""")
                .param("id", account.id())
                .param("displayName", account.displayName())
                .param("email", account.email())
                .param("role", account.role() == null ? null : account.role().name())
                .param("platformAdmin", account.platformAdministrator())
                .param("enabled", account.enabled())
                .param("locale", account.locale())
                .param("now", Timestamp.from(account.updatedAt()))
                .update();
    }

    void updatePassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql("""
                UPDATE accounts SET password_hash = :hash, password_changed_at = :now, updated_at = :now,
                       failed_logins = 0, locked_until = NULL
                WHERE id = :id""")
                .param("id", id).param("hash", passwordHash).param("now", Timestamp.from(now)).update();
    }

    void updateLocale(UUID id, String locale) {
        jdbc.sql("UPDATE accounts SET locale = :locale WHERE id = :id").param("id", id).param("locale", locale).update();
    }

    /**
     * Counts a failed sign-in. Once a lock has run out, counting starts afresh, so that the person
     * gets the same number of tries as before the lock rather than being locked again by one typo.
     *
     * @return the failures counted so far, including this one
     */
    int recordFailedLogin(UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE accounts
                SET failed_logins = CASE WHEN locked_until <= :now THEN 1 ELSE failed_logins + 1 END,
                    locked_until  = CASE WHEN locked_until <= :now THEN NULL ELSE locked_until END
                WHERE id = :id
                RETURNING failed_logins""")
                .param("id", id).param("now", Timestamp.from(now)).query(Integer.class).single();
    }

    void lockUntil(UUID id, Instant until) {
        jdbc.sql("UPDATE accounts SET locked_until = :until WHERE id = :id")
                .param("id", id).param("until", Timestamp.from(until)).update();
    }

    void resetFailedLogins(UUID id) {
        jdbc.sql("UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = :id AND failed_logins > 0")
                .param("id", id).update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("role");
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getObject("organisation_id", UUID.class),
                role == null ? null : OrganisationRole.valueOf(role),
                rs.getBoolean("platform_admin"),
                rs.getString("locale"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
