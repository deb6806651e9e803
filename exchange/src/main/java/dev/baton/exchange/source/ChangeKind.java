package dev.baton.exchange.source;

/** What changed on an item in the source tool, before any mapping onto the operating model. */
public enum ChangeKind {
    /** The item appeared; {@code to} is its first status (null when the tool has none). */
    CREATED,
    /** A status, column or list move: a stage move once mapped. */
    STATUS,
    /** The assignee changed: an owner change once mapped. */
    ASSIGNEE,
    /** Any other field; {@code field} names it as the tool does. */
    FIELD,
    /** A label was added ({@code to}) or removed ({@code from}). */
    LABEL,
    /** The priority changed. */
    PRIORITY,
    /** Closed, resolved, completed or archived. */
    CLOSED,
    /** Reopened after being closed. */
    REOPENED,
    /** A comment (or story/note) was added; {@code to} is its text. */
    COMMENT,
    /** A Baton event read back from Baton's own XES, OCEL or CSV export: imported as it is. */
    RECORDED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
