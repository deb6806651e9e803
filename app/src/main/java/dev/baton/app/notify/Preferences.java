package dev.baton.app.notify;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Where and how a person is told, beyond the inbox that always has everything.
 *
 * @param email      where email goes (null: no email)
 * @param webhookUrl a Slack or Teams incoming webhook (null: none)
 * @param emailMode  {@code immediate}: one email per notification; {@code digest}: one a day at {@code digestAt}
 * @param channels   per kind, the channels beyond the inbox ({@code email}, {@code webhook}); a kind
 *                   not named gets {@link #DEFAULT_CHANNELS}
 */
public record Preferences(String person, String email, String webhookUrl, String emailMode, LocalTime digestAt,
                          ZoneId zone, Map<String, List<String>> channels) {

    public static final List<String> CHANNELS = List.of("email", "webhook");
    public static final List<String> MODES = List.of("immediate", "digest");
    /** Unless a person says otherwise, they are emailed (when they gave an address). */
    public static final List<String> DEFAULT_CHANNELS = List.of("email");

    public Preferences {
        channels = Map.copyOf(channels);
    }

    public static Preferences defaults(String person) {
        return new Preferences(person, null, null, "immediate", LocalTime.of(8, 0), ZoneId.of("UTC"), Map.of());
    }

    public List<String> channels(String kind) {
        return channels.getOrDefault(kind, DEFAULT_CHANNELS);
    }

    public boolean digest() {
        return "digest".equals(emailMode);
    }

    /** The first digest time after {@code now}, on the person's clocks. */
    public java.time.Instant nextDigest(java.time.Instant now) {
        java.time.ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(digestAt).atZone(zone);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }
}
