package org.vigie.server.demo;

import org.springframework.stereotype.Component;
import org.vigie.server.organisations.Organisation;

/** Points of contact of the demo organisations (filled in once the contacts feature lands). */
@Component
class DemoContacts {

    void seed(Organisation organisation) {
        // replaced by the points-of-contact service
    }
}
