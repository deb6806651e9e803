package dev.baton.bench.exchange;

import dev.baton.exchange.export.LogExport;
import dev.baton.exchange.export.LogExport.Format;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code baton export --to xes} (and ocel, csv) of a generated log of one million events, 50,000
 * items interleaved as a team's log is, with a 256 MB heap: XES groups events into one trace per
 * item through the external sort, so the whole log is never in memory.
 *
 * <p>{@link #main} runs the export three times and prints the median events/s and the peak heap:
 * {@code java -Xmx256m -cp bench/target/benchmarks.jar dev.baton.bench.exchange.XesExportBenchmark [runs] [formats…]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class XesExportBenchmark {

    static final int ITEMS = 50_000;
    static final int STEPS = 20;

    @Param({"xes"})
    public String format;

    private Path dir;
    private Path log;
    private Path out;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("baton-export-bench");
        log = dir.resolve("log.jsonl");
        ExportGenerator.write("jsonl", log, ITEMS, STEPS, 42);
        out = dir.resolve("out." + format);
    }

    @Benchmark
    public LogExport.Result export() throws IOException {
        return LogExport.run(log, Format.valueOf(format.toUpperCase(Locale.ROOT)), out, false, null);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(out);
        Files.deleteIfExists(log);
        Files.deleteIfExists(dir);
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String[] formats = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[] {"xes"};
        for (String format : formats) {
            XesExportBenchmark bench = new XesExportBenchmark();
            bench.format = format;
            bench.generate();
            System.out.printf(Locale.ROOT, "log: %,d bytes, %,d events%n", Files.size(bench.log), (long) ITEMS * STEPS);
            Measured.measure("export " + format, runs, () -> 0, () -> bench.export().events());
            System.out.printf(Locale.ROOT, "%s file: %,d bytes%n", format, Files.size(bench.out));
            bench.clean();
        }
    }
}
