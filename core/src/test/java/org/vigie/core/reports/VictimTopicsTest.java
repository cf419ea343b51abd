package org.vigie.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.core.organisations.ContactTopic;

class VictimTopicsTest {

    @Test
    void aTechnicalAttackGoesToTheCyberContactAndTheDutyDesk() {
        assertThat(VictimTopics.of(List.of(IncidentType.PHISHING)))
                .containsExactlyInAnyOrder(ContactTopic.CYBER_INCIDENTS, ContactTopic.DUTY_24_7);
    }

    @Test
    void manipulationGoesToTheInformationManipulationContactAndTheDutyDesk() {
        assertThat(VictimTopics.of(List.of(IncidentType.IMPERSONATION, IncidentType.DISINFORMATION_NARRATIVE)))
                .containsExactlyInAnyOrder(ContactTopic.INFORMATION_MANIPULATION, ContactTopic.DUTY_24_7);
    }

    @Test
    void aHackAndLeakCampaignReachesBothTeams() {
        assertThat(VictimTopics.of(List.of(IncidentType.HACK_AND_LEAK, IncidentType.SYNTHETIC_MEDIA)))
                .containsExactlyInAnyOrder(ContactTopic.CYBER_INCIDENTS, ContactTopic.INFORMATION_MANIPULATION, ContactTopic.DUTY_24_7);
    }

    @Test
    void mediaAndLegalContactsAreNeverPagedForANotice() {
        assertThat(VictimTopics.of(List.of(IncidentType.values()))).doesNotContain(ContactTopic.MEDIA, ContactTopic.LEGAL);
        assertThat(VictimTopics.of(List.of())).contains(ContactTopic.DUTY_24_7);
    }
}
