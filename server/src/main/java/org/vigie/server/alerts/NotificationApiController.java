package org.vigie.server.alerts;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The signed-in person's in-app alerts: list, mark read, acknowledge")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Map<String, Object> list(Member me) {
        return Map.of("unread", notifications.unread(me), "notifications", notifications.inbox(me));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(Member me, @PathVariable UUID id) {
        notifications.markRead(me, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/acknowledge")
    ResponseEntity<Void> acknowledge(Member me, @PathVariable UUID id) {
        notifications.acknowledge(me, id);
        return ResponseEntity.noContent().build();
    }
}
