package org.vigie.server.response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;

@RestController
@RequestMapping("/api/v1/response")
@Tag(name = "Response boards", description = "Activate a protocol on a report or campaign; tasks, decisions, options, communications; metrics")
class ResponseApiController {

    private final Responses responses;

    ResponseApiController(Responses responses) {
        this.responses = responses;
    }

    record ActivationRequest(UUID protocolId, String subjectId) {
    }

    record ActivationView(UUID boardId, String link, int alerted, List<String> unreachableOrganisations) {
    }

    @PostMapping("/activations")
    @Operation(summary = "Activate a protocol on a report or campaign: opens a board and alerts level 1 (409 if already open)")
    ResponseEntity<ActivationView> activate(Member me, @RequestBody ActivationRequest request) {
        Responses.Activation a = responses.activate(me, request.protocolId(), request.subjectId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ActivationView(a.board().id(), "/response/boards/" + a.board().id(),
                a.alerted(), a.unreachableOrganisations()));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "The protocols whose trigger matches a report, among those the caller may activate; the boards about it")
    Map<String, Object> suggestions(Member me, @RequestParam String subject) {
        Responses.SubjectBox box = responses.box(me, subject);
        return Map.of("suggested", box.suggested(), "activatable", box.activatable(), "boards", box.boards().stream().map(Board::id).toList(),
                "severity", box.subject().facts() == null ? "" : box.subject().facts().severity().name());
    }

    @GetMapping("/boards")
    List<Board> boards(Member me) {
        return responses.boards(me);
    }

    @GetMapping("/boards/{id}")
    Responses.BoardView board(Member me, @PathVariable UUID id) {
        return responses.board(me, id);
    }

    record TaskRequest(String title, UUID ownerAccountId, Instant dueAt) {
    }

    @PostMapping("/boards/{id}/tasks")
    ResponseEntity<Map<String, UUID>> addTask(Member me, @PathVariable UUID id, @RequestBody TaskRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", responses.addTask(me, id, r.title(), r.ownerAccountId(), r.dueAt())));
    }

    @PostMapping("/boards/{id}/tasks/{task}/assign")
    ResponseEntity<Void> assign(Member me, @PathVariable UUID id, @PathVariable UUID task, @RequestBody TaskRequest r) {
        responses.assignTask(me, id, task, r.ownerAccountId(), r.dueAt());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/boards/{id}/tasks/{task}/complete")
    ResponseEntity<Void> complete(Member me, @PathVariable UUID id, @PathVariable UUID task) {
        responses.completeTask(me, id, task);
        return ResponseEntity.noContent().build();
    }

    record TextRequest(String text) {
    }

    @PostMapping("/boards/{id}/decisions")
    ResponseEntity<Void> decide(Member me, @PathVariable UUID id, @RequestBody TextRequest r) {
        responses.decide(me, id, r.text());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    record OptionRequest(String option, String countermeasure, String rationale) {
    }

    @PostMapping("/boards/{id}/options")
    @Operation(summary = "Choose a graded option (PRIVATE_NOTICE_TO_TARGET, COORDINATED_NOTICE_TO_PLATFORMS, PUBLIC_ADVISORY) or a DISARM countermeasure")
    ResponseEntity<Void> option(Member me, @PathVariable UUID id, @RequestBody OptionRequest r) {
        if (r.countermeasure() != null && !r.countermeasure().isBlank()) {
            responses.chooseCountermeasure(me, id, r.countermeasure(), r.rationale());
        } else {
            responses.chooseOption(me, id, r.option(), r.rationale());
        }
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    record CommunicationRequest(String recipients, String channel, String summary) {
    }

    @PostMapping("/boards/{id}/communications")
    ResponseEntity<Void> communicate(Member me, @PathVariable UUID id, @RequestBody CommunicationRequest r) {
        responses.communicate(me, id, r.recipients(), r.channel(), r.summary());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/boards/{id}/close")
    ResponseEntity<Void> close(Member me, @PathVariable UUID id, @RequestBody(required = false) TextRequest r) {
        responses.close(me, id, r == null ? null : r.text());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/metrics")
    @Operation(summary = "Time to acknowledge and to first action, median and p90, per organisation and per protocol, over the boards the caller may see")
    Responses.Dashboard metrics(Member me) {
        return responses.dashboard(me);
    }
}
