package org.vigie.server.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.response.Protocol;
import org.vigie.server.response.ProtocolRequest;
import org.vigie.server.response.ProtocolRequest.LevelRequest;
import org.vigie.server.response.Protocols;
import org.vigie.server.response.Responses;

/**
 * The election cell's response protocol, from the national duty desk up to the platforms and
 * fact-checkers, and one response under way: the commission activated it on the fake audio of its
 * chair, so the demo opens with a board whose first level is waiting for an acknowledgement.
 */
@Component
class DemoResponse {

    private final Protocols protocols;
    private final Responses responses;

    DemoResponse(Protocols protocols, Responses responses) {
        this.protocols = protocols;
        this.responses = responses;
    }

    void seed(Member commissionAdministrator, UUID cell, Map<String, Organisation> organisations, String fakeAudioReport) {
        UUID agency = organisations.get("Valdoria National Cybersecurity Agency").id();
        UUID commission = organisations.get("Valdoria Electoral Commission").id();
        UUID platform = organisations.get("Agora Social").id();
        UUID factChecker = organisations.get("VeriFact Valdoria").id();
        Protocol protocol = protocols.create(commissionAdministrator, cell, new ProtocolRequest(
                "Disinformation about the conduct of the vote",
                "False claims about dates, places or the way to vote, and fakes of election officials.",
                List.of("DISINFORMATION_NARRATIVE", "SYNTHETIC_MEDIA", "IMPERSONATION"), "MODERATE", List.of(),
                List.of(new LevelRequest("National duty desk", List.of(agency, commission), List.of("ADMINISTRATOR", "ANALYST"),
                                List.of("Confirm the facts with the commission", "Preserve the evidence (links, captures, hashes)",
                                        "Decide whether the target has been told"), 30),
                        new LevelRequest("Election cell: platforms and fact-checkers", List.of(platform, factChecker), List.of(),
                                List.of("Coordinated notice to the platforms concerned", "Fact-check published or scheduled"), 60)),
                true));
        responses.activate(commissionAdministrator, protocol.id(), fakeAudioReport);
    }
}
