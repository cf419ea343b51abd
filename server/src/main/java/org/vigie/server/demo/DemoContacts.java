package org.vigie.server.demo;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.vigie.core.organisations.ContactTopic;
import org.vigie.core.organisations.Sector;
import org.vigie.server.organisations.ContactChanges;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.PointsOfContact;

/**
 * Points of contact of the demo organisations: who each would want to be called by, and when. All
 * addresses are under .example and all numbers in a fictional +999 range, so nobody real is reached.
 */
@Component
class DemoContacts {

    private final PointsOfContact contacts;

    DemoContacts(PointsOfContact contacts) {
        this.contacts = contacts;
    }

    void seed(Organisation organisation, int index) {
        String domain = organisation.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "") + ".example";
        for (ContactChanges contact : contactsFor(organisation.sector(), domain, index)) {
            contacts.createBySystem(organisation.id(), contact);
        }
    }

    private static List<ContactChanges> contactsFor(Sector sector, String domain, int index) {
        String phone = "+999 20 %02d 00 %02d";
        ContactChanges duty = new ContactChanges(ContactTopic.DUTY_24_7, "Duty desk", "Round-the-clock duty officer",
                "duty@" + domain, String.format(phone, index, 1), "24/7");
        return switch (sector) {
            case ELECTION_MANAGEMENT_BODY -> List.of(duty,
                    new ContactChanges(ContactTopic.CYBER_INCIDENTS, "Marek Novak", "Chief information security officer",
                            "security@" + domain, String.format(phone, index, 2), "Mon–Sun 7:00–23:00 during the campaign"),
                    new ContactChanges(ContactTopic.MEDIA, "Lina Ferrer", "Spokesperson", "press@" + domain,
                            String.format(phone, index, 3), "Mon–Fri 8:00–20:00"),
                    new ContactChanges(ContactTopic.LEGAL, "Jonas Weber", "Legal counsel", "legal@" + domain, null,
                            "Mon–Fri 9:00–18:00"));
            case GOVERNMENT_AGENCY -> List.of(duty,
                    new ContactChanges(ContactTopic.CYBER_INCIDENTS, "CERT-XV", "National CERT", "cert@" + domain,
                            String.format(phone, index, 2), "24/7"),
                    new ContactChanges(ContactTopic.INFORMATION_MANIPULATION, "Sara Lindqvist", "Head of information threats unit",
                            "infothreats@" + domain, String.format(phone, index, 3), "Mon–Fri 8:00–19:00"));
            case PLATFORM_INDUSTRY -> List.of(
                    new ContactChanges(ContactTopic.INFORMATION_MANIPULATION, "Trust and safety, elections", "Election integrity team",
                            "elections@" + domain, null, "24/7 from one month before polling day"),
                    new ContactChanges(ContactTopic.LEGAL, "Law enforcement response", "Legal requests", "lers@" + domain, null,
                            "Mon–Fri 9:00–17:00"));
            case POLITICAL_PARTY -> List.of(
                    new ContactChanges(ContactTopic.CYBER_INCIDENTS, "Campaign IT lead", "Campaign IT", "it@" + domain,
                            String.format(phone, index, 2), "Mon–Sat 8:00–22:00"),
                    new ContactChanges(ContactTopic.MEDIA, "Press office", "Campaign press office", "press@" + domain,
                            String.format(phone, index, 3), "Mon–Sun 8:00–22:00"));
            default -> List.of(
                    new ContactChanges(ContactTopic.INFORMATION_MANIPULATION, "Analysis desk", "Lead analyst",
                            "analysis@" + domain, String.format(phone, index, 2), "Mon–Fri 9:00–18:00"),
                    new ContactChanges(ContactTopic.MEDIA, "Communications", "Communications officer", "media@" + domain,
                            String.format(phone, index, 3), "Mon–Fri 9:00–18:00"));
        };
    }
}
