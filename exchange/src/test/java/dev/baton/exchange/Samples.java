package dev.baton.exchange;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.Importer;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.mapping.MappingReader;
import dev.baton.exchange.source.SourceReader;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test inputs: the shared real exports (skipped when absent), this module's fixtures, and one-call imports. */
public final class Samples {

    private Samples() {
    }

    /** The project root: {@code baton.root}, else the nearest folder up from here with the model module. */
    public static Path root() {
        String property = System.getProperty("baton.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("model")) ) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    /** A file of {@code ../shared/datasets/tool-exports}; the test is skipped when it is not there. */
    public static Path toolExport(String name) {
        Path file = root().resolve("../shared/datasets/tool-exports").resolve(name).normalize();
        assumeTrue(Files.isRegularFile(file), "shared sample absent: " + file);
        return file;
    }

    /** A file of {@code ../shared/datasets/eventlogs}; the test is skipped when it is not there. */
    public static Path eventLog(String name) {
        Path file = root().resolve("../shared/datasets/eventlogs").resolve(name).normalize();
        assumeTrue(Files.isRegularFile(file), "shared sample absent: " + file);
        return file;
    }

    public static Path fixture(String name) {
        return root().resolve("exchange/src/test/resources/fixtures").resolve(name);
    }

    public static ImportMapping mapping(String fixture) {
        try {
            MappingReader.Result result = MappingReader.read(Files.readString(fixture(fixture), StandardCharsets.UTF_8));
            if (!result.valid()) {
                throw new AssertionError("invalid mapping: " + result.problems());
            }
            return result.mapping();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events and report of importing a file into an empty log. */
    public record Imported(List<RecordedEvent> events, ImportReport report) {

        public Map<String, Long> countsByType() {
            Map<String, Long> counts = new LinkedHashMap<>();
            events.forEach(e -> counts.merge(e.type(), 1L, Long::sum));
            return counts;
        }

        public List<RecordedEvent> of(String stream) {
            return events.stream().filter(e -> e.stream().equals(stream)).toList();
        }

        public List<String> types(String stream) {
            return of(stream).stream().map(RecordedEvent::type).toList();
        }
    }

    public static Imported read(SourceReader reader, Path file, ImportMapping mapping, OperatingModel model) {
        List<RecordedEvent> events = new ArrayList<>();
        Importer importer = new Importer(mapping, model, events::add);
        try {
            dev.baton.exchange.importing.LogImport.readSource(reader, file, importer.sink(),
                    dev.baton.exchange.importing.Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Imported(events, importer.report());
    }

    public static Imported read(SourceReader reader, Path file) {
        return read(reader, file, ImportMapping.NONE, null);
    }
}
