package org.vigie.server.alerts;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams, per person. An event carries the notification's id only: the
 * page fetches the entry through the notification centre, which applies the visibility policy at
 * read time, so that nothing is pushed that the person may no longer see.
 */
@Component
class NotificationStreams {

    static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final Map<UUID, List<SseEmitter>> open = new ConcurrentHashMap<>();

    SseEmitter open(UUID account) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        List<SseEmitter> mine = open.computeIfAbsent(account, a -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        Runnable close = () -> mine.remove(emitter);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        try {
            // a first comment commits the response at once, so the browser knows the stream is live and
            // proxies that buffer until the first byte do not hold the connection silent
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException gone) {
            emitter.completeWithError(gone);
        }
        return emitter;
    }

    void publish(Notification notification) {
        for (SseEmitter emitter : open.getOrDefault(notification.recipientAccount(), List.of())) {
            try {
                emitter.send(SseEmitter.event().name("notification").id(notification.id().toString())
                        .data(Map.of("id", notification.id().toString()), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            }
        }
    }

    int listeners(UUID account) {
        return open.getOrDefault(account, List.of()).size();
    }
}
