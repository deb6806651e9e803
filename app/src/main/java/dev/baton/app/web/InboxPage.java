package dev.baton.app.web;

import dev.baton.app.notify.Deliveries;
import dev.baton.app.notify.Inbox;
import dev.baton.app.notify.Notification;
import dev.baton.app.notify.PreferenceStore;
import dev.baton.app.notify.Preferences;
import dev.baton.app.notify.PreferencesForm;
import dev.baton.app.notify.WebhookChannel;
import dev.baton.app.security.BatonUser;
import dev.baton.app.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import dev.baton.app.imports.ServerBatches;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox ({@code /inbox}): what waits for the signed-in person, newest first, each linking its
 * item; mark one or all read; where else to be told (preferences). Admins also see the deliveries
 * that failed.
 */
@Controller
class InboxPage {

    static final int SHOWN = 100;

    private final Inbox inbox;
    private final PreferenceStore preferences;
    private final WebhookChannel webhooks;
    private final Deliveries deliveries;
    private final Clock clock;
    private final ServerBatches batches;

    InboxPage(Inbox inbox, PreferenceStore preferences, WebhookChannel webhooks, Deliveries deliveries, Clock clock,
              ServerBatches batches) {
        this.batches = batches;
        this.inbox = inbox;
        this.preferences = preferences;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** A row of the preferences' table: a kind and whether each channel is chosen for it. */
    record KindChoice(String kind, String name, boolean email, boolean webhook) {
    }

    static final Map<String, String> KIND_NAMES = Map.of("approval", "An approval waits for you",
            "handoff", "A handoff to accept", "sla", "An SLA about to breach", "mention", "You are mentioned in a comment");

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal BatonUser user, Model page) {
        return view(user, preferences.of(user.personId()), page);
    }

    private String view(BatonUser user, Preferences p, Model page) {
        var entries = inbox.of(user.personId(), false, SHOWN);
        page.addAttribute("entries", entries);
        // An empty inbox on a server whose history was imported is right, and says why.
        page.addAttribute("importedBatches", entries.isEmpty()
                ? batches.list().stream().filter(b -> !b.retracted()).count() : 0L);
        page.addAttribute("prefs", p);
        page.addAttribute("kinds", Notification.KINDS.stream().map(k -> new KindChoice(k, KIND_NAMES.get(k),
                p.channels(k).contains("email"), p.channels(k).contains("webhook"))).toList());
        page.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        if (user.role() == Role.ADMIN) {
            page.addAttribute("failedDeliveries", deliveries.list("problems", SHOWN));
        }
        return "inbox";
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable long id, @AuthenticationPrincipal BatonUser user) {
        inbox.markRead(user.personId(), id, clock.instant());
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read")
    String readAll(@AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        int n = inbox.markAllRead(user.personId(), clock.instant());
        flash.addFlashAttribute("flash", n == 1 ? "Marked 1 notification read." : "Marked " + n + " notifications read.");
        return "redirect:/inbox";
    }

    /** The preferences' form: text fields as typed, and a checkbox per kind and channel ({@code approval-email}). */
    @PostMapping("/inbox/preferences")
    String savePreferences(@RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user, Model page,
                           RedirectAttributes flash, HttpServletResponse response) {
        Map<String, Object> in = new LinkedHashMap<>();
        for (String member : List.of("email", "webhookUrl", "emailMode", "digestAt", "zone")) {
            in.put(member, form.getOrDefault(member, ""));
        }
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (String kind : Notification.KINDS) {
            channels.put(kind, Preferences.CHANNELS.stream().filter(c -> form.containsKey(kind + "-" + c)).toList());
        }
        in.put("channels", channels);
        Preferences current = preferences.of(user.personId());
        PreferencesForm.Read read = PreferencesForm.read(in, current, webhooks);
        if (!read.ok()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            page.addAttribute("problem", String.join("; ", read.mistakes().stream().map(PreferencesForm.Mistake::message).toList()));
            page.addAttribute("typed", form);
            return view(user, current, page);
        }
        preferences.save(read.preferences());
        flash.addFlashAttribute("flash", "Saved your notification preferences.");
        return "redirect:/inbox";
    }
}
