package org.vigie.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.MemberPrincipal;
import org.vigie.core.audit.AuditChain;
import org.vigie.core.audit.AuditEntry;
import org.vigie.core.audit.ChainedAuditEntry;

/** The one way to write to the audit log. */
@Service
public class AuditTrail {

    static final String SYSTEM_ACTOR = "system";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper canonicalJson = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends the event in the caller's transaction, so the change and its record commit or roll
     * back together. Locking the head row serialises appenders: the chain has one order.
     */
    @Transactional
    public void record(AuditEvent event) {
        Head head = jdbc.sql("SELECT sequence, hash FROM audit_head WHERE singleton FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        Actor actor = currentActor(event);
        AuditEntry entry = new AuditEntry(head.sequence() + 1, clock.instant(), actor.id(), actor.name(),
                event.action(), event.targetType(), event.targetId(), toJson(event), sourceAddress());
        ChainedAuditEntry chained = AuditChain.append(head.hash(), entry);
        jdbc.sql("""
                INSERT INTO audit_log (sequence, occurred_at, actor_id, actor_name, action, target_type, target_id,
                                       details, source_address, previous_hash, hash)
                VALUES (:sequence, :occurredAt, :actorId, :actorName, :action, :targetType, :targetId,
                        :details, :source, :previousHash, :hash)
                """)
                .param("sequence", entry.sequence())
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("actorId", entry.actorId())
                .param("actorName", entry.actorName())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("details", entry.details())
                .param("source", entry.sourceAddress())
                .param("previousHash", chained.previousHash())
                .param("hash", chained.hash())
                .update();
        jdbc.sql("UPDATE audit_head SET sequence = :sequence, hash = :hash WHERE singleton")
                .param("sequence", entry.sequence())
                .param("hash", chained.hash())
                .update();
    }

    private String toJson(AuditEvent event) {
        try {
            return canonicalJson.writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details of " + event.action() + " are not serialisable", e);
        }
    }

    private static Actor currentActor(AuditEvent event) {
        if (event.actorName() != null) {
            return new Actor(null, event.actorName());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal) {
            Member member = principal.member();
            return new Actor(member.accountId().toString(), member.username());
        }
        return new Actor(null, SYSTEM_ACTOR);
    }

    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private record Head(long sequence, String hash) {
    }

    private record Actor(String id, String name) {
    }
}
