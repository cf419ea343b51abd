package org.vigie.core.alerts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;

class ReportNotificationTest {

    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID RECIPIENT_ORG = UUID.randomUUID();
    private static final UUID RECIPIENT_USER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final URI LINK = URI.create("https://vigie.example/reports/incident--0b6d2a3c-1a8e-4d6e-9f53-2b8f0c1d9e77");

    private static NotifiedReport report(Tlp tlp) {
        Distribution to = new Distribution(Set.of(), Set.of(RECIPIENT_ORG), Set.of(RECIPIENT_USER));
        return new NotifiedReport("incident--0b6d2a3c-1a8e-4d6e-9f53-2b8f0c1d9e77", "CANARY-TITLE fake ballots video",
                "CANARY-SUMMARY seen on three platforms", List.of("CANARY-TYPE"), List.of("canary-domain.example", "@canary_account"),
                new Sharing(OWNER, tlp, Pap.GREEN, to));
    }

    @ParameterizedTest
    @EnumSource(value = Tlp.class, names = {"AMBER_STRICT", "RED"})
    void restrictedMarkingsCarryOnlyTheLinkAndTheMarking(Tlp tlp) {
        Map<String, Object> payload = ReportNotification.payload("evt-1", ReportNotification.REPORT_PUBLISHED, NOW, report(tlp), LINK);

        assertThat(payload.toString()).doesNotContainIgnoringCase("canary");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) payload.get("data");
        assertThat(data).containsOnlyKeys("tlp", "link", "restricted")
                .containsEntry("tlp", tlp.label())
                .containsEntry("link", LINK.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Tlp.class, names = {"CLEAR", "GREEN", "AMBER"})
    void otherMarkingsCarryTheContent(Tlp tlp) {
        Map<String, Object> payload = ReportNotification.payload("evt-1", ReportNotification.REPORT_PUBLISHED, NOW, report(tlp), LINK);

        assertThat(payload).containsEntry("id", "evt-1").containsEntry("type", "report.published")
                .containsEntry("created", "2026-11-24T03:00:00Z");
        assertThat(payload.toString()).contains("CANARY-TITLE", "CANARY-SUMMARY", "canary-domain.example", tlp.label());
    }

    @Test
    void aRecipientWhoMayNotSeeTheReportGetsNothing() {
        Viewer stranger = new Viewer(UUID.randomUUID(), UUID.randomUUID(), Set.of());
        Viewer named = new Viewer(RECIPIENT_USER, UUID.randomUUID(), Set.of());
        Viewer recipientOrg = new Viewer(UUID.randomUUID(), RECIPIENT_ORG, Set.of());

        for (Tlp tlp : List.of(Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED)) {
            assertThat(ReportNotification.forRecipient(stranger, "e", "t", NOW, report(tlp), LINK)).as(tlp.label()).isEmpty();
        }
        assertThat(ReportNotification.forRecipient(recipientOrg, "e", "t", NOW, report(Tlp.AMBER), LINK)).isPresent();
        assertThat(ReportNotification.forRecipient(recipientOrg, "e", "t", NOW, report(Tlp.RED), LINK)).isEmpty();
        assertThat(ReportNotification.forRecipient(named, "e", "t", NOW, report(Tlp.RED), LINK)).get()
                .asString().doesNotContainIgnoringCase("canary");
    }
}
