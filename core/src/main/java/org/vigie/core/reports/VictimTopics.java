package org.vigie.core.reports;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.vigie.core.organisations.ContactTopic;

/**
 * Which of a target organisation's points of contact a victim notice goes to: those answering for
 * the kind of interference the report describes, and the 24/7 duty desk always (an attempt at 3 a.m.
 * must reach someone). Technical attacks go to the cyber-incident contact, manipulation of
 * information to the information-manipulation contact; a physical threat or an unclassified incident
 * to both, since nobody has said which team owns it.
 */
public final class VictimTopics {

    private VictimTopics() {
    }

    public static Set<ContactTopic> of(Collection<IncidentType> types) {
        Set<ContactTopic> topics = EnumSet.of(ContactTopic.DUTY_24_7);
        if (types == null || types.isEmpty()) {
            topics.add(ContactTopic.CYBER_INCIDENTS);
            topics.add(ContactTopic.INFORMATION_MANIPULATION);
            return topics;
        }
        for (IncidentType type : types) {
            switch (type) {
                case PHISHING, INTRUSION, DDOS, DEFACEMENT, HACK_AND_LEAK -> topics.add(ContactTopic.CYBER_INCIDENTS);
                case DISINFORMATION_NARRATIVE, COORDINATED_INAUTHENTIC_BEHAVIOUR, IMPERSONATION, SYNTHETIC_MEDIA, HARASSMENT,
                     POLITICAL_AD_ABUSE -> topics.add(ContactTopic.INFORMATION_MANIPULATION);
                case PHYSICAL_THREAT, OTHER -> {
                    topics.add(ContactTopic.CYBER_INCIDENTS);
                    topics.add(ContactTopic.INFORMATION_MANIPULATION);
                }
            }
        }
        return topics;
    }
}
