package dev.baton.app.notify;

import java.time.Instant;

/**
 * Something a person must act on, as the inbox shows it and the messages say it.
 *
 * @param source    what it is about, the key that makes it once per person: {@code event:<position>}
 *                  for an event, {@code sla:<item>:<clock>} for an SLA clock
 * @param recipient the person of the model who must act
 * @param kind      {@code approval}, {@code handoff}, {@code sla} or {@code mention}
 * @param item      the work item
 * @param title     the item's title
 * @param text      the sentence: who wants what
 * @param detail    the person's own words (a comment), or null
 * @param at        when it happened, or when the SLA runs out
 */
public record Notification(String source, String recipient, String kind, String item, String title, String text,
                           String detail, Instant at) {

    /** The kinds, in the order pages list them. */
    public static final java.util.List<String> KINDS = java.util.List.of("approval", "handoff", "sla", "mention");
}
