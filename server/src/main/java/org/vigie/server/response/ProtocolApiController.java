package org.vigie.server.response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;

@RestController
@RequestMapping("/api/v1/communities/{communityId}/protocols")
@Tag(name = "Response protocols", description = "A community's response protocols: trigger, escalation levels, checklists, deadlines")
class ProtocolApiController {

    private final Protocols protocols;

    ProtocolApiController(Protocols protocols) {
        this.protocols = protocols;
    }

    @GetMapping
    List<Protocol> list(Member me, @PathVariable UUID communityId) {
        return protocols.list(me, communityId);
    }

    @GetMapping("/{id}")
    Protocol get(Member me, @PathVariable UUID communityId, @PathVariable UUID id) {
        return protocols.get(me, communityId, id);
    }

    @PostMapping
    @Operation(summary = "Define a protocol (the community's administrators); 400 names the field at fault")
    ResponseEntity<Protocol> create(Member me, @PathVariable UUID communityId, @RequestBody ProtocolRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(protocols.create(me, communityId, request));
    }

    @PutMapping("/{id}")
    Protocol update(Member me, @PathVariable UUID communityId, @PathVariable UUID id, @RequestBody ProtocolRequest request) {
        return protocols.update(me, communityId, id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a protocol never activated; one with boards is deactivated")
    ResponseEntity<Void> delete(Member me, @PathVariable UUID communityId, @PathVariable UUID id) {
        protocols.delete(me, communityId, id);
        return ResponseEntity.noContent().build();
    }
}
