package dev.baton.engine.batch;

import java.time.Instant;

/**
 * One import batch as the log tells it: what its {@code BatchImported} recorded, and whether an
 * {@code ImportRetracted} took it back.
 *
 * @param importedBy   who imported it (a person of the model on the server, the system user on the CLI)
 * @param modelVersion the server's model version the import was checked against; null on the CLI
 * @param model        the model's name (and file, on the CLI); null when imported without one
 * @param firstAt      the batch's earliest event
 * @param lastAt       its latest event: the batch is "as of" then
 * @param retractedBy  null while the batch stands
 */
public record ImportBatch(String id, String kind, String file, String importedBy, Instant importedAt,
                          Integer modelVersion, String model, long events, long items, long newItems,
                          Instant firstAt, Instant lastAt, String retractedBy, Instant retractedAt) {

    public boolean retracted() {
        return retractedAt != null;
    }

    /** The same batch, taken back by {@code by} at {@code at}. */
    public ImportBatch retractedBy(String by, Instant at) {
        return new ImportBatch(id, kind, file, importedBy, importedAt, modelVersion, model, events, items, newItems,
                firstAt, lastAt, by, at);
    }
}
