package dev.baton.bench.jira;

import dev.baton.bench.exchange.Measured;
import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.jira.JiraJsonReader;
import dev.baton.exchange.mapping.ImportMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code baton import jira-json} of one million generated changelog entries (50,000 issues × 20)
 * into a new JSONL log: reading, mapping, duplicate check and writing, as the CLI does it. The
 * fork runs with a 256 MB heap, so finishing at all shows that memory stays bounded. One
 * operation is one whole import: events/s = 1,050,000 events (entries plus creations) / time.
 *
 * <p>{@link #main} runs the same import five times ({@link Measured}) and prints the median events/s
 * and the peak heap in use: {@code java -Xmx256m -cp bench/target/benchmarks.jar dev.baton.bench.jira.JiraImportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class JiraImportBenchmark {

    static final int ISSUES = 50_000;
    static final int ENTRIES_PER_ISSUE = 20;

    private Path dir;
    private Path export;
    private Path log;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("baton-jira-bench");
        export = dir.resolve("jira-1m.json");
        JiraExportGenerator.write(export, ISSUES, ENTRIES_PER_ISSUE, 42);
        log = dir.resolve("log.jsonl");
    }

    @Setup(Level.Invocation)
    public void emptyLog() throws IOException {
        Files.deleteIfExists(log);
    }

    @Benchmark
    public ImportReport importJira() throws IOException {
        return LogImport.run(new JiraJsonReader(), export, ImportMapping.NONE, null, log, false, Progress.NONE);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(log);
        Files.deleteIfExists(export);
        Files.deleteIfExists(dir);
    }

    public static void main(String[] args) throws Exception {
        JiraImportBenchmark bench = new JiraImportBenchmark();
        bench.generate();
        System.out.printf(Locale.ROOT, "export: %,d bytes, %,d changelog entries%n", Files.size(bench.export),
                (long) ISSUES * ENTRIES_PER_ISSUE);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Measured.measure("jira-json", runs, () -> {
            bench.emptyLog();
            return 0;
        }, () -> bench.importJira().eventsWritten());
        System.out.printf(Locale.ROOT, "log %,d bytes%n", Files.size(bench.log));
        bench.clean();
    }
}
