package dev.baton.exchange.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.exchange.Samples;
import dev.baton.exchange.github.GitHubEventsReader;
import dev.baton.exchange.gitlab.GitLabEventsReader;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.io.SpillSort;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.ocel.OcelReader;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.table.CsvEventReader;
import dev.baton.exchange.trello.TrelloJsonReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A streamed export cut off part way, after some of it went to disk to be put in order, imports
 * nothing: the log stays as it was, the message says where the file broke, and the sort's
 * temporary files are gone.
 */
class TruncatedExportsTest {

    @TempDir
    Path dir;

    /** A reader with the small budget of {@link LargeExportsTest}, so that the sort spills before the break. */
    interface Budgeted {
        void read(InputStream in, SourceSink sink, long budget);
    }

    static Stream<Arguments> exports() {
        return Stream.of(
                Arguments.of("csv", (Supplier<GeneratedInput>) LargeExportsTest::csvExport,
                        (Budgeted) new CsvEventReader(null)::read, "line "),
                Arguments.of("trello-json", (Supplier<GeneratedInput>) LargeExportsTest::trelloExport,
                        (Budgeted) new TrelloJsonReader()::read, "column"),
                Arguments.of("gitlab-events", (Supplier<GeneratedInput>) LargeExportsTest::gitlabExport,
                        (Budgeted) new GitLabEventsReader()::read, "column"),
                Arguments.of("github-events", (Supplier<GeneratedInput>) LargeExportsTest::githubExport,
                        (Budgeted) new GitHubEventsReader()::read, "column"),
                Arguments.of("ocel", (Supplier<GeneratedInput>) LargeExportsTest::ocelExport,
                        (Budgeted) new OcelReader(null)::read, "column"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void aCutOffExportImportsNothingAndSaysWhere(String kind, Supplier<GeneratedInput> export, Budgeted reader,
                                                 String where) throws Exception {
        Path log = dir.resolve("log.jsonl");
        LogImport.run(new TrelloJsonReader(), Samples.fixture("trello-board-moves.json"), ImportMapping.NONE, null, log,
                false, Progress.NONE);
        byte[] before = Files.readAllBytes(log);
        Path cut = dir.resolve("cut");
        try (InputStream in = export.get(); OutputStream out = Files.newOutputStream(cut)) {
            byte[] all = in.readAllBytes();
            // A CSV cut in the middle of a row: its last row is short of values.
            out.write(all, 0, all.length * 2 / 3 - 7);
        }
        SourceReader budgeted = new SourceReader() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public String expectedShape() {
                return kind;
            }

            @Override
            public void read(InputStream in, SourceSink sink) {
                reader.read(in, sink, LargeExportsTest.BUDGET);
            }
        };

        assertThatThrownBy(() -> LogImport.run(budgeted, cut, ImportMapping.NONE, null, log, false, Progress.NONE))
                .isInstanceOf(SourceFormatException.class)
                .satisfies(e -> assertThat(((SourceFormatException) e).where()).contains(where));
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
        assertThat(SpillSort.directoriesInUse()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("log.jsonl", "cut");
        }
    }
}
