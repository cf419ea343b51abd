package org.vigie.server.alerts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The webhook beans wire from {@code vigie.webhooks.*}, refusing internal targets unless told. */
class WebhookSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WebhookConfiguration.class, WebhookTargetGuard.class, WebhookSender.class, WebhookDispatcher.class);

    @Test
    void internalTargetsAreRefusedByDefault() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(WebhookTargetGuard.class).allowsPrivateTargets()).isFalse();
            assertThat(c.getBean(WebhookSettings.class).maxConcurrentPerHost()).isEqualTo(16);
        });
    }

    @Test
    void anAdministratorMayAllowThem() {
        context.withPropertyValues("vigie.webhooks.allow-private-targets=true", "vigie.webhooks.request-timeout=8s")
                .run(c -> {
                    assertThat(c.getBean(WebhookTargetGuard.class).allowsPrivateTargets()).isTrue();
                    assertThat(c.getBean(WebhookSettings.class).requestTimeout()).hasSeconds(8);
                });
    }

    @Test
    void nonsenseLimitsStopTheStart() {
        context.withPropertyValues("vigie.webhooks.max-concurrent=2", "vigie.webhooks.max-concurrent-per-host=5")
                .run(c -> assertThat(c).hasFailed());
    }
}
