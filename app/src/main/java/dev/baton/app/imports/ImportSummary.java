package dev.baton.app.imports;

import dev.baton.engine.batch.ImportBatch;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.exchange.importing.ImportReport;
import dev.baton.model.problem.Problem;
import java.util.List;
import java.util.Map;

/**
 * What a preview found or an import stored: the importer's own report (changes read, events by
 * type, unmapped values, changes that became no event, notes) and what the server adds to it —
 * the stages and work types the events land in and whether the model has them, the first events
 * as they are stored, and sentences about what to look at before importing.
 *
 * @param stored      false for a preview
 * @param stages      per work type and stage, the events entering it
 * @param workTypes   per work type, the items the export touches
 * @param unmapped    tool values the mapping did not cover, with the key that would cover them
 * @param sample      the first events as they are (or would be) stored; positions are given on storing
 * @param warnings    what the preview says to check: work types or stages not in the model, id conflicts,
 *                    histories whose completion does not add up ({@link ImportReport#oddities()})
 * @param mappingWarnings the mapping's own warnings, at their lines
 * @param batch       the batch the import stored (null for a preview, or when nothing new was stored)
 */
public record ImportSummary(boolean stored, String kind, String fileName, Integer modelVersion, ImportReport report,
                            List<StageCount> stages, List<WorkTypeCount> workTypes, List<Unmapped> unmapped,
                            List<RecordedEvent> sample, List<String> warnings, List<Problem> mappingWarnings,
                            ImportBatch batch) {

    /** Events entering one stage of one work type (null work type: none matched). */
    public record StageCount(String workType, String stage, long events, boolean inModel) {
    }

    /** Items of one work type; {@code inModel} false when the model has no such work type. */
    public record WorkTypeCount(String workType, long items, boolean inModel) {
    }

    /**
     * A tool value the mapping did not cover.
     *
     * @param category stages, people, work-types or fields
     * @param key      the mapping key that would cover it, e.g. {@code stages."Blocked"}
     * @param hint     a sentence saying what to write there
     */
    public record Unmapped(String category, String value, long count, String key, String hint) {
    }

    public long events() {
        return report.eventsWritten();
    }

    public long alreadyPresent() {
        return report.duplicates();
    }

    public Map<String, Long> eventsByType() {
        return report.eventsByType();
    }
}
