package org.vigie.server.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Chooses the database: the embedded PostgreSQL in the data directory unless {@code vigie.db.url}
 * ({@code VIGIE_DB_URL}) names an external server, in which case Spring Boot's own data source
 * configuration takes {@code spring.datasource.*} (mapped from the same variables) and nothing
 * embedded is started.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(@Value("${vigie.data}") Path directory) {
        return DataDirectory.lock(directory);
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseSelected.class)
    EmbeddedPostgresServer embeddedPostgresServer(DataDirectory dataDirectory) {
        return EmbeddedPostgresServer.start(dataDirectory);
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseSelected.class)
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("vigie-embedded");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(EmbeddedPostgresServer.USER);
        pool.setMaximumPoolSize(10);
        return pool;
    }

    static final class EmbeddedDatabaseSelected extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("vigie.db.url");
            return StringUtils.hasText(url)
                    ? ConditionOutcome.noMatch("vigie.db.url names an external PostgreSQL")
                    : ConditionOutcome.match("no vigie.db.url: embedded PostgreSQL in the data directory");
        }
    }
}
