package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;

/**
 * Publishes, at start-up and once per version, the reference objects every Vigie shares: the TLP 2.0
 * marking definitions (OASIS ids), Vigie's PAP statement markings, Vigie's identity and the
 * extension-definition that carries election-specific properties.
 */
@Component
class ReferencePublication implements SmartInitializingSingleton {

    static final String PUBLISHED = "2026-11-23T00:00:00.000Z";
    static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    static final String VIGIE_IDENTITY = "identity--" + uuid("vigie:identity");
    static final String ELECTION_EXTENSION = "extension-definition--" + uuid("vigie:election-context:1.0");
    static final String REPORT_EXTENSION = "extension-definition--" + uuid("vigie:incident-report:1.0");
    static final String CAMPAIGN_EXTENSION = "extension-definition--" + uuid("vigie:campaign:1.0");

    private final KnowledgeStore store;
    private final ObjectMapper json;

    ReferencePublication(KnowledgeStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.publishReference(objects());
    }

    List<JsonNode> objects() {
        List<JsonNode> objects = new ArrayList<>();
        for (Tlp tlp : Tlp.values()) {
            ObjectNode marking = base("marking-definition", tlp.markingDefinitionId(), "2022-10-01T00:00:00.000Z");
            marking.remove("modified");
            marking.put("name", tlp.label());
            marking.putObject("extensions").putObject(TLP2_EXTENSION)
                    .put("extension_type", "property-extension")
                    .put("tlp_2_0", tlp.name().toLowerCase(Locale.ROOT).replace('_', '+'));
            objects.add(marking);
        }
        for (Pap pap : Pap.values()) {
            ObjectNode marking = base("marking-definition", pap.markingDefinitionId(), PUBLISHED);
            marking.remove("modified");
            marking.put("name", pap.label());
            marking.put("created_by_ref", VIGIE_IDENTITY);
            marking.put("definition_type", "statement");
            marking.putObject("definition").put("statement", pap.label() + " (Permissible Actions Protocol)");
            objects.add(marking);
        }
        ObjectNode identity = base("identity", VIGIE_IDENTITY, PUBLISHED);
        identity.put("name", "Vigie");
        identity.put("identity_class", "system");
        identity.put("description", "Open platform for sharing, detecting and responding to election interference.");
        objects.add(identity);
        objects.add(electionExtension());
        objects.add(reportExtension());
        objects.add(campaignExtension());
        return objects;
    }

    private ObjectNode electionExtension() {
        ObjectNode extension = base("extension-definition", ELECTION_EXTENSION, PUBLISHED);
        extension.put("created_by_ref", VIGIE_IDENTITY);
        extension.put("name", "Vigie election context");
        extension.put("description", "Election-specific properties of objects shared on Vigie: the election concerned, the phase "
                + "of the electoral cycle, the categories of targets, and whether an attempt succeeded.");
        extension.put("schema", "Property extension. Properties: election_ref (string, a Vigie election id); "
                + "cycle_phase (one of legal-framework, planning, training, voter-registration, candidate-registration, "
                + "campaign, voting, counting, results, disputes, audits, archiving); target_categories (list of: "
                + "election-management-body, election-official, candidate, political-party, media, fact-checker, "
                + "civil-society-organisation, government-institution, voters, electoral-infrastructure); "
                + "outcome (attempted, successful, unknown).");
        extension.put("version", "1.0.0");
        extension.putArray("extension_types").add("property-extension");
        extension.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
        return extension;
    }

    private ObjectNode reportExtension() {
        ObjectNode extension = base("extension-definition", REPORT_EXTENSION, PUBLISHED);
        extension.put("created_by_ref", VIGIE_IDENTITY);
        extension.put("name", "Vigie incident report");
        extension.put("description", "What an election-interference incident report holds beyond STIX 2.1 incident: types, "
                + "targets and their notification, techniques, actors, narratives, the VIGINUM criteria, an Admiralty grading, "
                + "observables and evidence files. Used together with the Vigie election context extension.");
        extension.put("schema", "Property extension. Properties: incident_types (list of: phishing, intrusion, ddos, defacement, "
                + "hack-and-leak, disinformation-narrative, coordinated-inauthentic-behaviour, impersonation, synthetic-media, "
                + "harassment, political-ad-abuse, physical-threat, other); first_seen, last_seen (timestamps); targets (list of "
                + "{category, organisation_ref, name, notified_at, notified_by}); disarm_techniques, attack_techniques (lists of "
                + "technique ids); actor_refs (threat-actor or intrusion-set ids); narrative_refs (x-vigie-narrative ids); "
                + "viginum_criteria (object keyed by harm-to-fundamental-interests, foreign-involvement, "
                + "inaccurate-or-misleading-content, artificial-spread, each {met: boolean, justification: string}); "
                + "admiralty ({source_reliability: A-F, information_credibility: 1-6}); observables (list of {type, value, "
                + "normalised}); evidence (list of {sha256, file_name, media_type, size}).");
        extension.put("version", "1.0.0");
        extension.putArray("extension_types").add("property-extension");
        extension.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
        return extension;
    }

    private ObjectNode campaignExtension() {
        ObjectNode extension = base("extension-definition", CAMPAIGN_EXTENSION, PUBLISHED);
        extension.put("created_by_ref", VIGIE_IDENTITY);
        extension.put("name", "Vigie campaign");
        extension.put("description", "The incident reports an analyst grouped into a campaign. Readers are shown only the "
                + "reports they may see themselves.");
        extension.put("schema", "Property extension. Properties: incident_refs (list of incident ids, each a Vigie incident "
                + "report; absent when the campaign has none).");
        extension.put("version", "1.0.0");
        extension.putArray("extension_types").add("property-extension");
        extension.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
        return extension;
    }

    private ObjectNode base(String type, String id, String created) {
        ObjectNode object = json.createObjectNode();
        object.put("type", type);
        object.put("spec_version", "2.1");
        object.put("id", id);
        object.put("created", created);
        object.put("modified", created);
        return object;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
