package dev.baton.engine.event;

/**
 * The system an event was recorded in: {@code baton} for what Baton's engine (or simulator)
 * recorded, else the tool an import read it from ({@code jira}, {@code trello}, {@code gitlab},
 * {@code github}, {@code asana}, {@code csv}, {@code xes}, {@code ocel}, and later sources such as
 * {@code calendar} or {@code crm}). It is not a column of its own: every importer gives an event a
 * stable id that starts with its tool ({@code jira:10125:created}, docs/mapping-reference.md
 * § Idempotency), and the engine gives none, so the id already says where the event comes from.
 * One rule, read by the report's {@code --source} filter, its source coverage and tool switching.
 */
public final class SourceSystem {

    /** Events recorded by Baton itself. */
    public static final String BATON = "baton";
    /** An imported event whose id names no tool (a CSV's own id column without a prefix). */
    public static final String UNNAMED_IMPORT = "import";

    private static final int MAX_NAME = 24;

    private SourceSystem() {
    }

    /**
     * The source of an event: {@code baton} when it has no id (or an id of Baton's own export,
     * {@code baton:<stream>:<version>}), else the lower-case word before the id's first colon,
     * else {@link #UNNAMED_IMPORT}.
     */
    public static String of(RecordedEvent e) {
        return ofId(e.eventId());
    }

    /** The source an event id names (null or empty: Baton's engine). */
    public static String ofId(String id) {
        if (id == null || id.isEmpty()) {
            return BATON;
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon > MAX_NAME) {
            return UNNAMED_IMPORT;
        }
        for (int i = 0; i < colon; i++) {
            char c = id.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (i > 0 && ((c >= '0' && c <= '9') || c == '-'));
            if (!word) {
                // "E-17:2" or "ABC:1" is a file's own id, not a tool's name.
                return UNNAMED_IMPORT;
            }
        }
        return id.substring(0, colon);
    }
}
