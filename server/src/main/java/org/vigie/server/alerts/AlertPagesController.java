package org.vigie.server.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.elections.Elections;
import org.vigie.server.web.FieldException;

/** The notification centre ({@code /notifications}, live over SSE) and the subscriptions page. */
@Controller
class AlertPagesController {

    private final Notifications notifications;
    private final Subscriptions subscriptions;
    private final Elections elections;

    AlertPagesController(Notifications notifications, Subscriptions subscriptions, Elections elections) {
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.elections = elections;
    }

    @GetMapping("/notifications")
    String centre(Member me, Model model) {
        model.addAttribute("entries", notifications.inbox(me));
        model.addAttribute("unread", notifications.unread(me));
        return "alerts/notifications";
    }

    /** The list alone, refreshed by the page when the stream announces a notification. */
    @GetMapping("/notifications/list")
    String list(Member me, Model model) {
        model.addAttribute("entries", notifications.inbox(me));
        return "alerts/notifications :: list";
    }

    @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(Member me) {
        return notifications.stream(me);
    }

    @PostMapping("/notifications/{id}/acknowledge")
    String acknowledge(Member me, @PathVariable UUID id) {
        notifications.acknowledge(me, id);
        return "redirect:/notifications";
    }

    /** Where the link of an alert e-mail leads: records the opening, then shows what it is about. */
    @GetMapping("/notifications/{id}/open")
    String open(Member me, @PathVariable UUID id) {
        return "redirect:" + notifications.open(me, id);
    }

    @PostMapping("/notifications/{id}/read")
    String read(Member me, @PathVariable UUID id) {
        notifications.markRead(me, id);
        return "redirect:/notifications";
    }

    @GetMapping("/subscriptions")
    String subscriptionsPage(Member me, Model model) {
        model.addAttribute("subscriptions", subscriptions.list(me));
        model.addAttribute("elections", elections.list());
        model.addAttribute("phases", CyclePhase.values());
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("categories", TargetCategory.values());
        model.addAttribute("channels", AlertChannel.values());
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("mayForOrganisation", me.organisationId() != null && me.administers(me.organisationId()));
        return "alerts/subscriptions";
    }

    @PostMapping("/subscriptions")
    String create(Member me, @RequestParam String name, @RequestParam(defaultValue = "false") boolean organisation,
                  @RequestParam(required = false) UUID electionId, @RequestParam(required = false) List<String> phases,
                  @RequestParam(required = false) List<String> types, @RequestParam(required = false) List<String> targetCategories,
                  @RequestParam(defaultValue = "") String disarmTechniques, @RequestParam(required = false) Integer minConfidence,
                  @RequestParam(defaultValue = "") String watchList, @RequestParam(defaultValue = "IMMEDIATE") String mode,
                  @RequestParam(required = false) List<String> channels, @RequestParam(required = false) String webhookUrl, Model model,
                  RedirectAttributes flash) {
        List<SubscriptionRequest.WatchValue> watch = new ArrayList<>();
        for (String line : watchList.split("\\R")) {
            String value = line.strip();
            if (value.isEmpty()) {
                continue;
            }
            int colon = value.indexOf(':');
            String type = colon > 0 ? value.substring(0, colon).strip() : "keyword";
            boolean typed = colon > 0 && (type.equals("keyword") || isObservableType(type));
            watch.add(typed ? new SubscriptionRequest.WatchValue(type, value.substring(colon + 1).strip())
                    : new SubscriptionRequest.WatchValue("keyword", value));
        }
        List<String> techniques = Arrays.stream(disarmTechniques.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Subscriptions.Created created;
        try {
            created = subscriptions.subscribe(me, new SubscriptionRequest(name, organisation, electionId, phases, types, targetCategories, List.of(),
                    techniques, minConfidence, List.of(), watch, mode, channels, webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl));
        } catch (FieldException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorDetail", e.getBody().getDetail());
            return subscriptionsPage(me, model);
        }
        if (created.webhookSecret() != null) {
            // shown once, on the next page only (a flash attribute never goes into a URL)
            flash.addFlashAttribute("webhookSecret", created.webhookSecret());
            flash.addFlashAttribute("webhookSecretFor", created.subscription().name());
        }
        return "redirect:/subscriptions?created";
    }

    @PostMapping("/subscriptions/{id}/webhook-secret")
    String rotate(Member me, @PathVariable UUID id, RedirectAttributes flash) {
        String secret = subscriptions.rotateWebhookSecret(me, id);
        flash.addFlashAttribute("webhookSecret", secret);
        flash.addFlashAttribute("webhookSecretFor", subscriptions.get(me, id).name());
        return "redirect:/subscriptions?rotated";
    }

    @PostMapping("/subscriptions/{id}/delete")
    String delete(Member me, @PathVariable UUID id) {
        subscriptions.delete(me, id);
        return "redirect:/subscriptions?deleted";
    }

    private static boolean isObservableType(String key) {
        try {
            org.vigie.core.observables.ObservableType.fromKey(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
