package org.vigie.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.vigie.core.audit.AuditEntry;
import org.vigie.core.audit.ChainVerifier;
import org.vigie.core.audit.ChainVerifier.ChainVerification;
import org.vigie.core.audit.ChainedAuditEntry;

/**
 * Walks the stored chain in sequence order with a server-side cursor (a fixed fetch size inside a
 * read-only transaction), so verifying millions of entries takes constant memory. Plain JDBC on
 * purpose: the command line runs it without starting the application.
 */
public final class AuditChainCheck {

    private static final int FETCH_SIZE = 2_000;

    private final DataSource dataSource;

    public AuditChainCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ChainVerification verify() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            // One snapshot for entries and head, so a concurrent append cannot look like a break.
            try (Statement isolation = connection.createStatement()) {
                isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            ChainVerifier verifier = new ChainVerifier();
            try (PreparedStatement entries = connection.prepareStatement("""
                    SELECT sequence, occurred_at, actor_id, actor_name, action, target_type, target_id,
                           details, source_address, previous_hash, hash
                    FROM audit_log ORDER BY sequence""")) {
                entries.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = entries.executeQuery()) {
                    while (rs.next() && verifier.accept(read(rs))) {
                        // accept() keeps the state; stop at the first break
                    }
                }
            }
            ChainVerification result;
            try (Statement head = connection.createStatement();
                 ResultSet rs = head.executeQuery("SELECT sequence, hash FROM audit_head WHERE singleton")) {
                result = rs.next()
                        ? verifier.finish(rs.getLong(1), rs.getString(2))
                        : verifier.finish(0, org.vigie.core.audit.AuditChain.GENESIS);
            }
            connection.rollback();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    private static ChainedAuditEntry read(ResultSet rs) throws SQLException {
        AuditEntry entry = new AuditEntry(rs.getLong("sequence"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("details"),
                rs.getString("source_address"));
        return new ChainedAuditEntry(entry, rs.getString("previous_hash"), rs.getString("hash"));
    }
}
