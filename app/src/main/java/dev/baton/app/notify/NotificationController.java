package dev.baton.app.notify;

import dev.baton.app.api.ApiException;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.version.ModelVersions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API of notifications: the signed-in person's inbox, their preferences and weekly report
 * subscriptions (everyone signed in, viewers too: it is their own), and the deliveries for admins.
 */
@RestController
class NotificationController {

    static final int MAX_LIMIT = 500;

    private final Inbox inbox;
    private final PreferenceStore preferences;
    private final WebhookChannel webhooks;
    private final ReportSubscriptions subscriptions;
    private final Deliveries deliveries;
    private final ModelVersions versions;
    private final Clock clock;

    NotificationController(Inbox inbox, PreferenceStore preferences, WebhookChannel webhooks,
                           ReportSubscriptions subscriptions, Deliveries deliveries, ModelVersions versions, Clock clock) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.versions = versions;
        this.clock = clock;
    }

    @GetMapping("/api/v1/inbox")
    Map<String, Object> inbox(@AuthenticationPrincipal BatonUser user, @RequestParam(defaultValue = "false") boolean unread,
                              @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "expected limit between 1 and " + MAX_LIMIT
                    + ", found " + limit).with("parameter", "limit");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unread", inbox.unread(user.personId()));
        json.put("notifications", inbox.of(user.personId(), unread, limit).stream().map(Inbox::json).toList());
        return json;
    }

    @PostMapping("/api/v1/inbox/{id}/read")
    Map<String, Object> read(@AuthenticationPrincipal BatonUser user, @PathVariable long id) {
        return inbox.markRead(user.personId(), id, clock.instant()).map(Inbox::json).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "not-found", "There is no notification " + id + " in your inbox"));
    }

    @PostMapping("/api/v1/inbox/read")
    Map<String, Object> readAll(@AuthenticationPrincipal BatonUser user) {
        int marked = inbox.markAllRead(user.personId(), clock.instant());
        return Map.of("marked", marked, "unread", inbox.unread(user.personId()));
    }

    @GetMapping("/api/v1/me/notification-preferences")
    Map<String, Object> preferences(@AuthenticationPrincipal BatonUser user) {
        return PreferenceStore.json(preferences.of(user.personId()));
    }

    @PutMapping("/api/v1/me/notification-preferences")
    Map<String, Object> setPreferences(@AuthenticationPrincipal BatonUser user, @RequestBody Map<String, Object> body) {
        PreferencesForm.Read read = PreferencesForm.read(body, preferences.of(user.personId()), webhooks);
        if (!read.ok()) {
            throw invalid(read.mistakes());
        }
        preferences.save(read.preferences());
        return PreferenceStore.json(read.preferences());
    }

    @GetMapping("/api/v1/me/report-subscriptions")
    List<Map<String, Object>> subscriptions(@AuthenticationPrincipal BatonUser user) {
        return subscriptions.of(user.personId()).stream().map(ReportSubscriptions::json).toList();
    }

    @PostMapping("/api/v1/me/report-subscriptions")
    ResponseEntity<Map<String, Object>> subscribe(@AuthenticationPrincipal BatonUser user,
                                                  @RequestBody Map<String, Object> body) {
        var model = versions.current().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no-model",
                "No operating model has been uploaded yet"));
        ReportSubscriptions.Read read = ReportSubscriptions.read(body, user.personId(), model.model());
        if (read.subscription() == null) {
            throw invalid(read.mistakes());
        }
        if (preferences.of(user.personId()).email() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "no-email-address", "Set your email address in your "
                    + "notification preferences first (PUT /api/v1/me/notification-preferences with email)");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ReportSubscriptions.json(subscriptions.add(read.subscription(), clock.instant())));
    }

    @DeleteMapping("/api/v1/me/report-subscriptions/{id}")
    ResponseEntity<Void> unsubscribe(@AuthenticationPrincipal BatonUser user, @PathVariable long id) {
        if (!subscriptions.remove(user.personId(), id)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "You have no report subscription " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/deliveries")
    Map<String, Object> deliveries(@RequestParam(defaultValue = "problems") String status,
                                   @RequestParam(defaultValue = "100") int limit) {
        if (!Deliveries.STATUSES.contains(status) || limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "expected status "
                    + String.join(", ", Deliveries.STATUSES) + " and limit between 1 and " + MAX_LIMIT + ", found status '"
                    + status + "', limit " + limit);
        }
        return Map.of("deliveries", deliveries.list(status, limit));
    }

    private static ApiException invalid(List<PreferencesForm.Mistake> mistakes) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-input", String.join("; ", mistakes.stream()
                .map(PreferencesForm.Mistake::message).toList())).with("errors", mistakes.stream()
                .map(m -> Map.of("member", m.member(), "message", m.message())).toList());
    }
}
