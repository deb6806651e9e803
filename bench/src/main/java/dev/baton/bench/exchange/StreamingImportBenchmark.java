package dev.baton.bench.exchange;

import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.importing.SourceKinds;
import dev.baton.exchange.mapping.ImportMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code baton import KIND} of one million generated changes (50,000 items × 20) into a new JSONL
 * log, for the kinds that put changes in order through the external sort: csv, trello-json,
 * gitlab-events, github-events and ocel. The fork runs with a 256 MB heap: the exports are several
 * times larger than that, so finishing at all shows that memory stays bounded.
 *
 * <p>{@link #main} runs each import three times and prints the median events/s and the peak heap:
 * {@code java -Xmx256m -cp bench/target/benchmarks.jar dev.baton.bench.exchange.StreamingImportBenchmark [runs] [kinds…]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class StreamingImportBenchmark {

    static final int ITEMS = 50_000;
    static final int STEPS = 20;
    static final List<String> KINDS = List.of("csv", "trello-json", "gitlab-events", "github-events", "ocel");

    @Param({"csv", "trello-json", "gitlab-events", "github-events", "ocel"})
    public String kind;

    private Path dir;
    private Path export;
    private Path log;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("baton-import-bench");
        export = dir.resolve("export-" + kind);
        ExportGenerator.write(kind, export, ITEMS, STEPS, 42);
        log = dir.resolve("log.jsonl");
    }

    @Setup(Level.Invocation)
    public void emptyLog() throws IOException {
        Files.deleteIfExists(log);
    }

    @Benchmark
    public ImportReport importExport() throws IOException {
        return LogImport.run(SourceKinds.reader(kind, ImportMapping.NONE).orElseThrow(), export, ImportMapping.NONE,
                null, log, false, Progress.NONE);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(log);
        Files.deleteIfExists(export);
        Files.deleteIfExists(dir);
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> kinds = args.length > 1 ? List.of(args).subList(1, args.length) : KINDS;
        for (String kind : kinds) {
            StreamingImportBenchmark bench = new StreamingImportBenchmark();
            bench.kind = kind;
            bench.generate();
            System.out.printf(Locale.ROOT, "%s export: %,d bytes, %,d changes%n", kind, Files.size(bench.export),
                    (long) ITEMS * STEPS);
            Measured.Figures f = Measured.measure(kind, runs, () -> {
                bench.emptyLog();
                return 0;
            }, () -> bench.importExport().eventsWritten());
            System.out.printf(Locale.ROOT, "%s: log %,d bytes; %,d events%n", kind, Files.size(bench.log), f.events());
            bench.clean();
        }
    }
}
