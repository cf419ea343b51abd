package org.vigie.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.vigie.core.sharing.Tlp;

class IncomingMarkingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode object(String... markings) {
        ObjectNode object = JSON.createObjectNode().put("type", "indicator").put("id", "indicator--1");
        for (String marking : markings) {
            object.withArray("object_marking_refs").add(marking);
        }
        return object;
    }

    @Test
    void amberStrictAndRedAreNeverAcceptedWhateverTheCeiling() {
        for (Tlp ceiling : Tlp.values()) {
            assertThat(IncomingMarkings.judge(object(Tlp.RED.markingDefinitionId()), ceiling)).isInstanceOf(IncomingMarkings.Skip.class);
            assertThat(IncomingMarkings.judge(object(Tlp.AMBER_STRICT.markingDefinitionId()), ceiling)).isInstanceOf(IncomingMarkings.Skip.class);
        }
    }

    @Test
    void aGranularRedMarkingMakesTheWholeObjectRed() {
        ObjectNode object = object(Tlp.GREEN.markingDefinitionId());
        object.withArray("granular_markings").addObject().put("marking_ref", Tlp.RED.markingDefinitionId())
                .putArray("selectors").add("description");

        assertThat(IncomingMarkings.judge(object, Tlp.AMBER)).isInstanceOf(IncomingMarkings.Skip.class);
    }

    @Test
    void tlp1IdsAreReadAsTheirTlp2Levels() {
        assertThat(IncomingMarkings.judge(object("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"), Tlp.AMBER))
                .as("TLP 1.0 red").isInstanceOf(IncomingMarkings.Skip.class);
        assertThat(IncomingMarkings.judge(object("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"), Tlp.CLEAR))
                .isEqualTo(new IncomingMarkings.Accept(Tlp.CLEAR));
    }

    @Test
    void aboveTheCeilingIsSkippedAtOrBelowIsAccepted() {
        assertThat(IncomingMarkings.judge(object(Tlp.AMBER.markingDefinitionId()), Tlp.GREEN)).isInstanceOf(IncomingMarkings.Skip.class);
        assertThat(IncomingMarkings.judge(object(Tlp.AMBER.markingDefinitionId()), Tlp.AMBER)).isEqualTo(new IncomingMarkings.Accept(Tlp.AMBER));
        assertThat(IncomingMarkings.judge(object(Tlp.GREEN.markingDefinitionId()), Tlp.CLEAR)).isInstanceOf(IncomingMarkings.Skip.class);
    }

    @Test
    void unmarkedIsGreenAndAMarkingDefinitionIsClear() {
        assertThat(IncomingMarkings.judge(object(), Tlp.GREEN)).isEqualTo(new IncomingMarkings.Accept(Tlp.GREEN));
        assertThat(IncomingMarkings.judge(object(), Tlp.CLEAR)).isInstanceOf(IncomingMarkings.Skip.class);
        ObjectNode definition = JSON.createObjectNode().put("type", "marking-definition").put("id", Tlp.RED.markingDefinitionId());
        assertThat(IncomingMarkings.judge(definition, Tlp.CLEAR)).isEqualTo(new IncomingMarkings.Accept(Tlp.CLEAR));
    }

    @Test
    void somethingThatIsNotAnObjectIsRejectedWithItsReason() {
        assertThat(IncomingMarkings.judge(JSON.getNodeFactory().textNode("x"), Tlp.GREEN)).isEqualTo(new IncomingMarkings.Reject("not a JSON object"));
        assertThat(IncomingMarkings.judge(JSON.createObjectNode().put("type", "indicator"), Tlp.GREEN))
                .isInstanceOf(IncomingMarkings.Reject.class);
    }
}
