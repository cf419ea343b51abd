package org.vigie.server.alerts;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.vigie.core.accounts.Member;

/**
 * The dead-letter list: the page {@code /notifications/dead-letters} and the API
 * {@code /api/v1/notifications/dead-letters} (list, replay one, replay all). Rights are
 * {@link DeadLetters}'s: platform administrators, and organisation administrators for their organisation.
 */
@Controller
@Tag(name = "Notifications", description = "The signed-in person's in-app alerts: list, mark read, acknowledge")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/v1/notifications/dead-letters")
    @ResponseBody
    Map<String, Object> list(Member me) {
        var entries = deadLetters.list(me);
        return Map.of("count", entries.size(), "limit", DeadLetters.LIST_LIMIT, "deadLetters", entries);
    }

    @PostMapping("/api/v1/notifications/dead-letters/{id}/replay")
    ResponseEntity<Void> replay(Member me, @PathVariable UUID id) {
        deadLetters.replay(me, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/notifications/dead-letters/replay")
    @ResponseBody
    Map<String, Object> replayAll(Member me) {
        return Map.of("replayed", deadLetters.replayAll(me));
    }

    @GetMapping("/notifications/dead-letters")
    String page(Member me, Model model) {
        model.addAttribute("entries", deadLetters.list(me));
        model.addAttribute("limit", DeadLetters.LIST_LIMIT);
        return "alerts/dead-letters";
    }

    @PostMapping("/notifications/dead-letters/{id}/replay")
    String replayFromPage(Member me, @PathVariable UUID id) {
        deadLetters.replay(me, id);
        return "redirect:/notifications/dead-letters?replayed=1";
    }

    @PostMapping("/notifications/dead-letters/replay")
    String replayAllFromPage(Member me) {
        return "redirect:/notifications/dead-letters?replayed=" + deadLetters.replayAll(me);
    }
}
