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
        LocalTime digestAt = time(in, "digestAt", current.digestAt(), mistakes);
        ZoneId zone = zone(in, "zone", current.zone(), mistakes);
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

    /** A time member (HH:MM): absent or blank keeps {@code otherwise}. */
    static LocalTime time(Map<String, ?> in, String member, LocalTime otherwise, List<Mistake> mistakes) {
        String at = text(in, member, null, mistakes);
        try {
            return at == null ? otherwise : LocalTime.parse(at);
        } catch (DateTimeParseException e) {
            mistakes.add(new Mistake(member, "expected a time like 09:00, found '" + at + "'"));
            return otherwise;
        }
    }

    /** A time zone member: absent or blank keeps {@code otherwise}. */
    static ZoneId zone(Map<String, ?> in, String member, ZoneId otherwise, List<Mistake> mistakes) {
        String z = text(in, member, null, mistakes);
        try {
            return z == null ? otherwise : ZoneId.of(z);
        } catch (DateTimeException e) {
            mistakes.add(new Mistake(member, "expected a time zone like UTC or Europe/Berlin, found '" + z + "'"));
            return otherwise;
        }
    }

    /** A text member: blank means none; absent keeps {@code current}. */
    static String text(Map<String, ?> in, String member, String current, List<Mistake> mistakes) {
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
