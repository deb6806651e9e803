package dev.baton.exchange.source;

import dev.baton.engine.event.BatonEvent;
import java.time.Instant;

/**
 * One change read from a tool's export, in the tool's own words: the neutral form every reader
 * produces and the mapping turns into Baton events.
 *
 * @param item     the item the change belongs to
 * @param changeId a stable id derived from the source's own ids (e.g.
 *                 {@code jira:10001:changelog:5001:0}), so that a second import of the same
 *                 change is recognised and skipped
 * @param at       when it happened
 * @param actor    the tool's user who caused it (null when the tool does not say)
 * @param kind     what changed
 * @param field    the tool's field name for FIELD changes (e.g. {@code duedate}); otherwise the
 *                 field the kind came from, or null
 * @param from     the value before, as the tool shows it (null when unset)
 * @param to       the value after (null when cleared)
 * @param payload  for {@link ChangeKind#RECORDED} only: the Baton event read back from an export
 *                 Baton wrote (XES, OCEL, CSV), imported as it is
 */
public record SourceChange(SourceItem item, String changeId, Instant at, String actor, ChangeKind kind,
                           String field, String from, String to, BatonEvent payload) {

    public SourceChange(SourceItem item, String changeId, Instant at, String actor, ChangeKind kind, String field,
                        String from, String to) {
        this(item, changeId, at, actor, kind, field, from, to, null);
    }

    /** A Baton event read back from one of Baton's own exports; {@code item.type()} is its work type. */
    public static SourceChange recorded(SourceItem item, String eventId, Instant at, String actor, BatonEvent event) {
        return new SourceChange(item, eventId, at, actor, ChangeKind.RECORDED, null, null, null, event);
    }
}
