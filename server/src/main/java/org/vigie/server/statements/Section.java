package org.vigie.server.statements;

/**
 * The parts of the plain-language template, in the order a citizen reads them: a title, then what
 * happened, who is affected, what citizens should do, what is being done, and how the panel decided.
 * {@code key} is the stored field name (V19 panel_statement_versions.fields) and what the public site
 * reads; {@code property} is the API's name for it.
 */
public enum Section {
    TITLE("title", "title", 200),
    WHAT_HAPPENED("what_happened", "whatHappened", 4000),
    WHO_IS_AFFECTED("who_is_affected", "whoIsAffected", 4000),
    WHAT_TO_DO("what_to_do", "whatToDo", 4000),
    WHAT_IS_BEING_DONE("what_is_being_done", "whatIsBeingDone", 4000),
    HOW_THE_PANEL_DECIDED("how_the_panel_decided", "howThePanelDecided", 4000);

    private final String key;
    private final String property;
    private final int maxLength;

    Section(String key, String property, int maxLength) {
        this.key = key;
        this.property = property;
        this.maxLength = maxLength;
    }

    public String key() {
        return key;
    }

    public String property() {
        return property;
    }

    public int maxLength() {
        return maxLength;
    }
}
