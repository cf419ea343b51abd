package org.vigie.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.taxonomy.TargetCategory;

class ProtocolTriggerTest {

    @Test
    void severityFollowsTheViginumCriteriaConfidenceAndOutcome() {
        assertThat(Severity.of(4, 70, Outcome.ATTEMPTED)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.of(4, 69, Outcome.ATTEMPTED)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(4, null, Outcome.UNKNOWN)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(3, 90, Outcome.ATTEMPTED)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(2, null, Outcome.ATTEMPTED)).isEqualTo(Severity.MODERATE);
        assertThat(Severity.of(0, 100, Outcome.SUCCESSFUL)).isEqualTo(Severity.MODERATE);
        assertThat(Severity.of(1, 100, Outcome.ATTEMPTED)).isEqualTo(Severity.LOW);
    }

    @Test
    void everyGivenConditionMustHoldAndAnEmptyOneMeansAny() {
        SubjectFacts phishingOnOffice = new SubjectFacts(Set.of(IncidentType.PHISHING), Severity.HIGH,
                Set.of(TargetCategory.values()[0]), List.of());
        assertThat(new Trigger(Set.of(), null, Set.of()).matches(phishingOnOffice)).isTrue();
        assertThat(new Trigger(Set.of(IncidentType.PHISHING, IncidentType.DDOS), Severity.MODERATE, Set.of()).matches(phishingOnOffice)).isTrue();
        assertThat(new Trigger(Set.of(IncidentType.PHISHING), Severity.CRITICAL, Set.of()).matches(phishingOnOffice)).isFalse();
        assertThat(new Trigger(Set.of(IncidentType.DDOS), null, Set.of()).matches(phishingOnOffice)).isFalse();
        assertThat(new Trigger(Set.of(), null, Set.of(TargetCategory.values()[1])).matches(phishingOnOffice)).isFalse();
    }

    @Test
    void anUnacknowledgedLevelEscalatesAtItsDeadlineOnlyIfThereIsANextLevel() {
        Instant deadline = Instant.parse("2027-06-13T03:30:00Z");
        assertThat(Escalation.decide(1, 3, deadline, false, deadline.minusSeconds(1))).isEqualTo(Escalation.Decision.WAIT);
        assertThat(Escalation.decide(1, 3, deadline, false, deadline)).isEqualTo(Escalation.Decision.ESCALATE);
        assertThat(Escalation.decide(1, 3, deadline, true, deadline.plusSeconds(60))).isEqualTo(Escalation.Decision.ACKNOWLEDGED);
        assertThat(Escalation.decide(3, 3, deadline, false, deadline)).isEqualTo(Escalation.Decision.EXHAUSTED);
    }
}
