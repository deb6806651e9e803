package dev.baton.app.notify;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preferences as a person sends them (the API's JSON, the inbox page's form), read with every
 * mistake collected, each naming its member and what was expected.
 */
public final class PreferencesForm {

    /** A mistake: which member, and what was expected. */
    public record Mistake(String member, String message) {
    }

    /** What was read: the preferences, or the mistakes. */
    public record Read(Preferences preferences, List<Mistake> mistakes) {
        public boolean ok() {
            return mistakes.isEmpty();
        }
    }

    private PreferencesForm() {
    }

    /**
     * Reads {@code email}, {@code webhookUrl}, {@code emailMode}, {@code digestAt} (HH:MM), {@code zone}
     * and {@code channels} (kind to a list of channels); a member left out keeps its current value.
     */
    public static Read read(Map<String, ?> in, Preferences current, WebhookChannel webhooks) {
        List<Mistake> mistakes = new ArrayList<>();
        String email = text(in, "email", current.email(), mistakes);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            mistakes.add(new Mistake("email", "expected an email address like maya@example.com, found '" + email + "'"));
        }
        String webhook = text(in, "webhookUrl", current.webhookUrl(), mistakes);
        if (webhook != null) {
            webhooks.refusal(webhook).ifPresent(why -> mistakes.add(new Mistake("webhookUrl", why)));
        }
        String mode = text(in, "emailMode", current.emailMode(), mistakes);
        if (mode == null || !Preferences.MODES.contains(mode)) {
            mistakes.add(new Mistake("emailMode", "expected immediate or digest, found " + (mode == null ? "nothing" : "'" + mode + "'")));
        }
        LocalTime digestAt = current.digestAt();
        String at = text(in, "digestAt", null, mistakes);
        if (at != null) {
            try {
                digestAt = LocalTime.parse(at);
            } catch (DateTimeParseException e) {
                mistakes.add(new Mistake("digestAt", "expected a time like 08:00, found '" + at + "'"));
            }
        }
        ZoneId zone = current.zone();
        String z = text(in, "zone", null, mistakes);
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                mistakes.add(new Mistake("zone", "expected a time zone like UTC or Europe/Berlin, found '" + z + "'"));
            }
        }
        Map<String, List<String>> channels = new LinkedHashMap<>(current.channels());
        Object given = in.get("channels");
        if (given instanceof Map<?, ?> map) {
            map.forEach((kind, list) -> {
                if (!Notification.KINDS.contains(String.valueOf(kind))) {
                    mistakes.add(new Mistake("channels." + kind, "expected a kind of notification ("
                            + String.join(", ", Notification.KINDS) + "), found '" + kind + "'"));
                } else if (list instanceof List<?> l && l.stream().allMatch(c -> Preferences.CHANNELS.contains(String.valueOf(c)))) {
                    channels.put(String.valueOf(kind), l.stream().map(String::valueOf).distinct().toList());
                } else {
                    mistakes.add(new Mistake("channels." + kind, "expected a list of channels (email, webhook), found " + list));
                }
            });
        } else if (given != null) {
            mistakes.add(new Mistake("channels", "expected an object of kinds to lists of channels, found " + given));
        }
        return new Read(mistakes.isEmpty() ? new Preferences(current.person(), email, webhook, mode, digestAt, zone, channels)
                : null, mistakes);
    }

    /** A text member: blank means none; absent keeps {@code current}. */
    private static String text(Map<String, ?> in, String member, String current, List<Mistake> mistakes) {
        if (!in.containsKey(member)) {
            return current;
        }
        Object value = in.get(member);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            mistakes.add(new Mistake(member, "expected text, found " + value));
            return current;
        }
        return s.isBlank() ? null : s.strip();
    }
}
