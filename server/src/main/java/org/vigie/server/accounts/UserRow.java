package org.vigie.server.accounts;

import java.time.Instant;

/** One line of the users page: the account, its organisation's name, whether it is locked now, and whether the reader may edit it. */
record UserRow(Account account, String organisationName, boolean locked, boolean editable) {

    static UserRow of(Account account, String organisationName, boolean editable, Instant now) {
        return new UserRow(account, organisationName, account.lockedAt(now), editable);
    }
}
