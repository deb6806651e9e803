package dev.baton.engine.batch;

import dev.baton.engine.event.BatonEvent;

/**
 * What happened to an import batch: the events one import stored, recorded in the log itself so
 * that an import can be undone without deleting anything. Both are events of the batch's own
 * stream ({@link #stream}); who and when are on the envelope. The batch's events carry its id
 * ({@code batch} on the envelope, docs/event-log.md).
 */
public sealed interface BatchEvent extends BatonEvent {

    /** The stream a batch's own events go to: {@code import:<batch id>}. */
    static String stream(String batch) {
        return "import:" + batch;
    }

    /**
     * An import stored its events (recorded after them, in the same transaction or file write).
     *
     * @param kind         the export's kind (jira-json, csv, …)
     * @param file         the export's file name as the user named it
     * @param events       how many events the batch holds
     * @param items        items the batch touches
     * @param newItems     of those, items the log did not hold before
     * @param modelVersion the server's model version the mapping was checked against (null on the CLI or without a model)
     * @param model        the model's name (and file, on the CLI), null without a model
     * @param firstAt      the time of the batch's earliest event (ISO-8601)
     * @param lastAt       the time of its latest event: what the batch is "as of"
     */
    record BatchImported(String batch, String kind, String file, long events, long items, long newItems,
                         Integer modelVersion, String model, String firstAt, String lastAt) implements BatchEvent {
    }

    /**
     * A batch was taken back: from now on every reader of the log leaves its events out, as if it
     * had never been imported. Its rows stay in the log (append-only); importing the export again
     * adds its events anew.
     */
    record ImportRetracted(String batch, long events) implements BatchEvent {
    }
}
