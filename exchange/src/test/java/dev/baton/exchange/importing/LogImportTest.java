package dev.baton.exchange.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.exchange.Samples;
import dev.baton.exchange.jira.JiraJsonReader;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.trello.TrelloJsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogImportTest {

    @TempDir
    Path dir;

    @Test
    void theSameExportTwiceAddsEachEventOnce() throws Exception {
        Path log = dir.resolve("log.jsonl");
        Path export = Samples.fixture("jira-cloud-search-jql.json");

        ImportReport first = LogImport.run(new JiraJsonReader(), export, ImportMapping.NONE, null, log, false, Progress.NONE);
        List<String> before = Files.readAllLines(log);
        ImportReport second = LogImport.run(new JiraJsonReader(), export, ImportMapping.NONE, null, log, false, Progress.NONE);

        assertThat(first.eventsWritten()).isEqualTo(15);
        assertThat(second.eventsWritten()).isZero();
        assertThat(second.duplicates()).isEqualTo(first.changesRead());
        assertThat(Files.readAllLines(log)).isEqualTo(before);
    }

    @Test
    void overlappingExportsAddOnlyTheNewChangesAndContinueEachItemsVersions() throws Exception {
        Path log = dir.resolve("log.jsonl");
        String full = Files.readString(Samples.fixture("jira-cloud-search-jql.json"));
        // An earlier export: MKT-1 before its last two history entries.
        int cut = full.indexOf("          {\n            \"id\": \"20004\"");
        int end = full.indexOf("        ]\n      }\n    },\n    {\n      \"id\": \"10002\"");
        String earlier = full.substring(0, cut).replaceFirst(",\\s*$", "\n") + full.substring(end);
        Path earlierFile = dir.resolve("earlier.json");
        Files.writeString(earlierFile, earlier);

        LogImport.run(new JiraJsonReader(), earlierFile, ImportMapping.NONE, null, log, false, Progress.NONE);
        ImportReport later = LogImport.run(new JiraJsonReader(), Samples.fixture("jira-cloud-search-jql.json"),
                ImportMapping.NONE, null, log, false, Progress.NONE);

        List<RecordedEvent> lines = EventLogJsonl.readAll(log);
        // Each import ends with its batch's BatchImported line; the items' events are the others.
        List<RecordedEvent> events = lines.stream().filter(e -> !dev.baton.engine.batch.ImportBatches.isBatchEvent(e)).toList();
        assertThat(lines).filteredOn(dev.baton.engine.batch.ImportBatches::isBatchEvent).hasSize(2);
        assertThat(later.eventsByType()).containsOnlyKeys("StageEntered", "ItemCompleted");
        assertThat(later.eventsWritten()).isEqualTo(3);
        Set<String> ids = new HashSet<>();
        assertThat(events).allMatch(e -> ids.add(e.eventId()));
        List<RecordedEvent> mkt1 = events.stream().filter(e -> e.stream().equals("MKT-1")).toList();
        assertThat(mkt1).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, mkt1.size()).boxed().toList());
        assertThat(lines).extracting(RecordedEvent::position)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, lines.size()).boxed().toList());
        // The state carried over from the log: the move after the earlier export starts in "In Progress".
        assertThat(mkt1.get(mkt1.size() - 3).event())
                .isEqualTo(new dev.baton.engine.item.WorkItemEvent.StageEntered("In Progress", "In Review", true));
    }

    @Test
    void aTruncatedExportImportsNothingAndLeavesTheLogAsItWas() throws Exception {
        Path log = dir.resolve("log.jsonl");
        LogImport.run(new TrelloJsonReader(), Samples.fixture("trello-board-moves.json"), ImportMapping.NONE, null, log,
                false, Progress.NONE);
        byte[] before = Files.readAllBytes(log);
        String full = Files.readString(Samples.fixture("jira-cloud-search-jql.json"));
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, full.substring(0, full.length() * 2 / 3), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LogImport.run(new JiraJsonReader(), truncated, ImportMapping.NONE, null, log, false,
                Progress.NONE))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("truncated");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("log.jsonl", "truncated.json");
        }
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        Path log = dir.resolve("log.jsonl");
        ImportReport report = LogImport.run(new JiraJsonReader(), Samples.fixture("jira-cloud-search-jql.json"),
                ImportMapping.NONE, null, log, true, Progress.NONE);
        assertThat(report.eventsWritten()).isEqualTo(15);
        assertThat(log).doesNotExist();
    }

    @Test
    void gzippedExportsAreRead() throws Exception {
        Path gz = dir.resolve("export.json.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Samples.fixture("jira-cloud-search-jql.json"), out);
        }
        ImportReport report = LogImport.run(new JiraJsonReader(), gz, ImportMapping.NONE, null, dir.resolve("l.jsonl"),
                false, Progress.NONE);
        assertThat(report.eventsWritten()).isEqualTo(15);
    }
}
