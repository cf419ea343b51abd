package org.vigie.server.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;

/**
 * A statement's text in one language: the title and the five sections of the template. Values are
 * as written (null for a section left out); {@link Statements} refuses a version with any part empty.
 */
public record StatementText(String title, String whatHappened, String whoIsAffected, String whatToDo, String whatIsBeingDone,
                            String howThePanelDecided) {

    public static final StatementText EMPTY = new StatementText("", "", "", "", "", "");

    public String get(Section section) {
        return switch (section) {
            case TITLE -> title;
            case WHAT_HAPPENED -> whatHappened;
            case WHO_IS_AFFECTED -> whoIsAffected;
            case WHAT_TO_DO -> whatToDo;
            case WHAT_IS_BEING_DONE -> whatIsBeingDone;
            case HOW_THE_PANEL_DECIDED -> howThePanelDecided;
        };
    }

    /** The part named by its API property ("whatHappened"), for pages; null for an unknown name. */
    public String text(String property) {
        for (Section s : Section.values()) {
            if (s.property().equals(property)) {
                return get(s);
            }
        }
        return null;
    }

    public Map<Section, String> sections() {
        Map<Section, String> map = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            map.put(s, get(s));
        }
        return map;
    }

    /** The body without the title, sections separated by blank lines: what the readability hint reads. */
    public String body() {
        return String.join("\n\n", nz(whatHappened), nz(whoIsAffected), nz(whatToDo), nz(whatIsBeingDone), nz(howThePanelDecided)).strip();
    }

    StatementText stripped() {
        return new StatementText(strip(title), strip(whatHappened), strip(whoIsAffected), strip(whatToDo), strip(whatIsBeingDone),
                strip(howThePanelDecided));
    }

    void writeTo(ObjectNode node) {
        for (Section s : Section.values()) {
            node.put(s.key(), nz(get(s)));
        }
    }

    static StatementText from(JsonNode node) {
        return new StatementText(node.path(Section.TITLE.key()).asText(""), node.path(Section.WHAT_HAPPENED.key()).asText(""),
                node.path(Section.WHO_IS_AFFECTED.key()).asText(""), node.path(Section.WHAT_TO_DO.key()).asText(""),
                node.path(Section.WHAT_IS_BEING_DONE.key()).asText(""), node.path(Section.HOW_THE_PANEL_DECIDED.key()).asText(""));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String strip(String s) {
        // Windows line ends from a browser form are stored as \n: the same text is the same bytes
        return s == null ? null : s.replace("\r\n", "\n").strip();
    }
}
