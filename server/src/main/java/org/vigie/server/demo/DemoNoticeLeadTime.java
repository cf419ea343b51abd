package org.vigie.server.demo;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * The demo's notice lead time: {@value #DEMO_LEAD_TIME} instead of the two hours of a real platform.
 *
 * <p>Why: the statements module refuses a publication time sooner than now plus the lead time, and
 * publishes only a lead time after the notices went, both on the application's clock. With two hours,
 * the demo's statement could be published only two hours after the first start, and a visitor who
 * drafts and schedules a statement would wait as long to see the notices and the publication. With a
 * few seconds the real order is kept (the targets, the parties and the election body are told first,
 * the public after) and the whole flow can be watched in a minute. An operator who sets the lead time
 * (VIGIE_STATEMENTS_NOTICE_LEAD_TIME, or the property on the command line) keeps theirs.
 *
 * <p>A bean factory post-processor, so that the property is in place before the statements module's
 * beans read it; only with {@code vigie.demo=true}.
 */
@Component
@ConditionalOnProperty(name = "vigie.demo", havingValue = "true")
class DemoNoticeLeadTime implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String PROPERTY = "vigie.statements.notice-lead-time";
    static final String DEMO_LEAD_TIME = "PT2S";
    /** The property sources an operator sets: command line, JVM system properties, environment variables. */
    private static final List<String> OPERATOR_SOURCES = List.of("commandLineArgs", "systemProperties", "systemEnvironment");

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : OPERATOR_SOURCES) {
            PropertySource<?> source = environment.getPropertySources().get(name);
            if (source != null && source.containsProperty(PROPERTY)) {
                return;
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("vigie-demo", Map.of(PROPERTY, DEMO_LEAD_TIME)));
    }
}
