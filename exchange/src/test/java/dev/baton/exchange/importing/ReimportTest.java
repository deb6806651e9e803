package dev.baton.exchange.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change that became no event the first time (an assignee set to the person who already owned
 * the item, a status change within one stage) has no id in the log; importing the export again
 * must not decide it anew against the item's state at the end of its history and record it then.
 */
class ReimportTest {

    static final SourceItem ITEM = new SourceItem("MKT-9", "Campaign", "MKT", List.of(), "Spring webinars");

    static SourceChange change(String id, int day, ChangeKind kind, String from, String to) {
        return new SourceChange(ITEM, "jira:9:" + id, Instant.parse("2026-03-01T09:00:00Z").plusSeconds(86_400L * day),
                "Maya Patel", kind, kind == ChangeKind.STATUS ? "status" : "assignee", from, to);
    }

    static final List<SourceChange> EXPORT = List.of(
            change("created", 0, ChangeKind.CREATED, null, "To Do"),
            change("1", 1, ChangeKind.ASSIGNEE, null, "Sam Lee"),
            change("2", 2, ChangeKind.ASSIGNEE, "Sam Lee", "Sam Lee"),
            change("3", 3, ChangeKind.STATUS, "To Do", "Ideas"),
            change("4", 4, ChangeKind.ASSIGNEE, "Sam Lee", "Maya Patel"),
            change("5", 5, ChangeKind.STATUS, "Ideas", "In Progress"));

    static final ImportMapping MAPPING = new ImportMapping(Map.of("To Do", "brief", "Ideas", "brief",
            "In Progress", "build"), List.of(), Map.of(), ImportMapping.WorkTypeRules.NONE, Map.of(),
            java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), null, null);

    static ImportReport run(List<RecordedEvent> log, List<SourceChange> export) {
        List<RecordedEvent> before = List.copyOf(log);
        Importer importer = new Importer(MAPPING, null, log::add);
        before.forEach(importer::existing);
        SourceSink sink = importer.sink();
        export.forEach(sink::change);
        return importer.report();
    }

    @Test
    void importingTheSameExportAgainRecordsNothingEvenWhereChangesBecameNoEvent() {
        List<RecordedEvent> log = new ArrayList<>();
        ImportReport first = run(log, EXPORT);
        assertThat(first.eventsWritten()).isEqualTo(4);
        assertThat(first.skipped()).containsEntry("assignee set to the current owner", 1L)
                .containsEntry("status change within one stage", 1L);

        ImportReport again = run(log, EXPORT);
        assertThat(again.eventsWritten()).isZero();
        assertThat(again.duplicates()).isEqualTo(EXPORT.size());
        assertThat(log).hasSize(4);
    }

    @Test
    void aLaterExportAddsOnlyItsNewChanges() {
        List<RecordedEvent> log = new ArrayList<>();
        run(log, EXPORT.subList(0, 4));
        List<SourceChange> later = new ArrayList<>(EXPORT);
        later.add(change("6", 6, ChangeKind.ASSIGNEE, "Maya Patel", "Maya Patel"));
        later.add(change("7", 7, ChangeKind.ASSIGNEE, "Maya Patel", "Sam Lee"));
        ImportReport report = run(log, later);
        assertThat(report.eventsByType()).containsEntry("OwnerAssigned", 2L).containsEntry("StageEntered", 1L);
        assertThat(report.eventsWritten()).isEqualTo(3);
        assertThat(run(log, later).eventsWritten()).isZero();
    }
}
