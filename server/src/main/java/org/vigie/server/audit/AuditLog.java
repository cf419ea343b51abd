package org.vigie.server.audit;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.vigie.core.audit.ChainVerifier.ChainVerification;

/** Reads the audit log for people: newest first, filtered, a page at a time; and checks its chain. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final AuditChainCheck chainCheck;

    AuditLog(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.chainCheck = new AuditChainCheck(dataSource);
    }

    public record Entry(long sequence, Instant occurredAt, String actorName, String action, String targetType,
                        String targetId, String details, String sourceAddress, String hash) {
    }

    public record Filter(String actor, String action, String targetType, String targetId) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    public record Page(List<Entry> entries, long before, boolean more) {
    }

    /**
     * Keyset pagination on the sequence (entries older than {@code before}), so page 10,000 costs the
     * same as page 1.
     */
    public Page page(Filter filter, Long before, int size) {
        int limit = Math.max(1, Math.min(size, 500));
        StringBuilder sql = new StringBuilder("""
                SELECT sequence, occurred_at, actor_name, action, target_type, target_id, details, source_address, hash
                FROM audit_log WHERE sequence < :before""");
        if (StringUtils.hasText(filter.actor())) {
            sql.append(" AND actor_name = :actor");
        }
        if (StringUtils.hasText(filter.action())) {
            sql.append(" AND action LIKE :action");
        }
        if (StringUtils.hasText(filter.targetType())) {
            sql.append(" AND target_type = :targetType");
        }
        if (StringUtils.hasText(filter.targetId())) {
            sql.append(" AND target_id = :targetId");
        }
        sql.append(" ORDER BY sequence DESC LIMIT :limit");
        var spec = jdbc.sql(sql.toString())
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit + 1);
        if (StringUtils.hasText(filter.actor())) {
            spec = spec.param("actor", filter.actor().trim());
        }
        if (StringUtils.hasText(filter.action())) {
            spec = spec.param("action", filter.action().trim() + "%");
        }
        if (StringUtils.hasText(filter.targetType())) {
            spec = spec.param("targetType", filter.targetType().trim());
        }
        if (StringUtils.hasText(filter.targetId())) {
            spec = spec.param("targetId", filter.targetId().trim());
        }
        List<Entry> rows = spec.query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9))).list();
        boolean more = rows.size() > limit;
        List<Entry> shown = more ? rows.subList(0, limit) : rows;
        long next = shown.isEmpty() ? 0 : shown.get(shown.size() - 1).sequence();
        return new Page(List.copyOf(shown), next, more);
    }

    public ChainVerification verify() {
        return chainCheck.verify();
    }
}
