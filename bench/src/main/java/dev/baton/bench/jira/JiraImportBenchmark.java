package dev.baton.bench.jira;

import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.jira.JiraJsonReader;
import dev.baton.exchange.mapping.ImportMapping;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>{@link #main} runs the same import five times and prints the median events/s and the peak
 * heap in use: {@code java -Xmx256m -cp bench/target/benchmarks.jar dev.baton.bench.jira.JiraImportBenchmark}.
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

    public static void main(String[] args) throws IOException {
        JiraImportBenchmark bench = new JiraImportBenchmark();
        bench.generate();
        System.out.printf(Locale.ROOT, "export: %,d bytes, %,d changelog entries%n", Files.size(bench.export),
                (long) ISSUES * ENTRIES_PER_ISSUE);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        bench.emptyLog();
        bench.importJira(); // warm-up
        List<Double> rates = new ArrayList<>();
        long peak = 0;
        for (int i = 0; i < runs; i++) {
            bench.emptyLog();
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ImportReport report = bench.importJira();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
            long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            peak = Math.max(peak, heapPeak);
            double rate = report.eventsWritten() / seconds;
            rates.add(rate);
            System.out.printf(Locale.ROOT, "run %d: %,d events in %.2f s = %,.0f events/s (importing thread on CPU "
                            + "%.2f s = %,.0f events per CPU second), heap peak %,d MB%n", i + 1,
                    report.eventsWritten(), seconds, rate, cpuSeconds, report.eventsWritten() / cpuSeconds, heapPeak >> 20);
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "median %,.0f events/s over %d runs (min %,.0f, max %,.0f); peak heap %,d MB "
                        + "(max heap %,d MB); log %,d bytes%n",
                sorted[sorted.length / 2], runs, sorted[0], sorted[sorted.length - 1], peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, Files.size(bench.log));
        bench.clean();
        Arrays.fill(sorted, 0);
    }
}
