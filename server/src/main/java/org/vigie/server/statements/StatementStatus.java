package org.vigie.server.statements;

/**
 * Where a statement stands (V19 panel_statements.status). DRAFT: being written and approved;
 * APPROVED: the panel approved its current version under its rule (a new version returns it to DRAFT);
 * NOTICES_SENT: the targets, the parties and the election body were told, the text is frozen;
 * PUBLISHED: on the public site, only corrections may follow; WITHDRAWN: never to be published.
 */
public enum StatementStatus {
    DRAFT, APPROVED, NOTICES_SENT, PUBLISHED, WITHDRAWN;

    /** A new version may still be written. */
    public boolean editable() {
        return this == DRAFT || this == APPROVED;
    }
}
