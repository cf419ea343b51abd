package org.vigie.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.InformationKind;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.accounts.Account;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.sharing.Charter;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Community;
import org.vigie.server.sharing.CommunityChanges;
import org.vigie.server.sharing.SharingObjective;

/**
 * What the demo shares, done the way a person would: the commission's administrator founds the
 * "Valdoria election cell 2027" community with a charter and adds members (whose acceptance stays
 * pending, as it would until their administrators read the charter), then shares a few objects at
 * different markings through the ordinary store.
 */
@Component
class DemoSharing {

    private final Communities communities;
    private final KnowledgeStore store;
    private final ObjectMapper json;

    DemoSharing(Communities communities, KnowledgeStore store, ObjectMapper json) {
        this.communities = communities;
        this.store = store;
        this.json = json;
    }

    /** @return the election cell's id */
    UUID seed(Account commissionAdministrator, Map<String, Organisation> organisations, Account analyst) {
        Member founder = commissionAdministrator.member();
        Community cell = communities.create(founder, new CommunityChanges("Valdoria election cell 2027",
                "Detect and respond together to interference in the 2027 legislative election.",
                new Charter("Members share what they see about threats to the 2027 election, including attempts that failed, "
                        + "and respect the markings of what others share.", List.of(
                        new SharingObjective(List.of(Sector.ELECTION_MANAGEMENT_BODY, Sector.GOVERNMENT_AGENCY),
                                List.of(InformationKind.INCIDENTS, InformationKind.INDICATORS), Tlp.AMBER),
                        new SharingObjective(List.of(Sector.PLATFORM_INDUSTRY, Sector.RESEARCH, Sector.FACT_CHECKER),
                                List.of(InformationKind.DETECTIONS, InformationKind.ASSESSMENTS), Tlp.GREEN),
                        new SharingObjective(List.of(Sector.ELECTION_MANAGEMENT_BODY),
                                List.of(InformationKind.PUBLIC_STATEMENTS), Tlp.CLEAR)))));
        for (String member : List.of("Valdoria National Cybersecurity Agency", "Agora Social", "Valdoria Institute for Digital Research",
                "VeriFact Valdoria", "Citizens for Clean Elections")) {
            communities.addMember(founder, cell.id(), organisations.get(member).id());
        }
        UUID agency = organisations.get("Valdoria National Cybersecurity Agency").id();
        share(founder, indicator(), new SharingRequest(Tlp.AMBER, Pap.GREEN, Set.of(), Set.of(agency), Set.of()));
        share(founder, campaign(), new SharingRequest(Tlp.GREEN, null, Set.of(cell.id()), Set.of(), Set.of()));
        share(founder, advisory(), new SharingRequest(Tlp.CLEAR, Pap.CLEAR, Set.of(), Set.of(), Set.of()));
        share(founder, suspect(), new SharingRequest(Tlp.RED, Pap.RED, Set.of(), Set.of(), Set.of(analyst.id())));
        return cell.id();
    }

    private void share(Member author, ObjectNode object, SharingRequest sharing) {
        store.store(author, List.<JsonNode>of(object), "", sharing, false);
    }

    private ObjectNode base(String type, String name, String description) {
        ObjectNode object = json.createObjectNode();
        object.put("type", type);
        object.put("spec_version", "2.1");
        object.put("id", type + "--" + UUID.randomUUID());
        object.put("created", "2027-03-01T09:00:00.000Z");
        object.put("modified", "2027-03-01T09:00:00.000Z");
        object.put("name", name);
        object.put("description", description);
        return object;
    }

    private ObjectNode election(ObjectNode object, String phase, String... targets) {
        ObjectNode extension = object.putObject("extensions").putObject(KnowledgeStore.ELECTION_EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.put("cycle_phase", phase);
        var categories = extension.putArray("target_categories");
        for (String target : targets) {
            categories.add(target);
        }
        return object;
    }

    private ObjectNode indicator() {
        ObjectNode indicator = base("indicator", "Fake voter-registration portal",
                "Phishing site imitating the commission's voter-registration portal; an attempt against election staff was blocked.");
        indicator.put("pattern", "[domain-name:value = 'inscription-valdoria-vote.example']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", "2027-03-01T09:00:00Z");
        return election(indicator, "voter-registration", "election-management-body", "voters");
    }

    private ObjectNode campaign() {
        return election(base("campaign", "Polling-station closure rumours",
                "Coordinated posts claim that polling stations will close at noon; first seen on Agora Social."), "campaign", "voters");
    }

    private ObjectNode advisory() {
        ObjectNode report = base("report", "Public advisory: where results are published",
                "Official results are published only by the Valdoria Electoral Commission. Avis public : les résultats officiels ne sont "
                        + "publiés que par la commission électorale.");
        report.put("published", "2027-03-01T09:00:00Z");
        report.putArray("report_types").add("campaign");
        report.putArray("object_refs").add("identity--" + UUID.nameUUIDFromBytes("vigie:identity".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return election(report, "campaign", "voters");
    }

    private ObjectNode suspect() {
        ObjectNode actor = base("threat-actor", "Operator of the rumour network (suspected)",
                "Named in confidence by a platform; not to be acted upon without the commission's agreement.");
        actor.putArray("threat_actor_types").add("unknown");
        return actor;
    }
}
