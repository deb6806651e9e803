package dev.baton.bench;

import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.SimulationTruth;
import dev.baton.insight.simulation.Simulator;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole {@code baton analyze} on simulated logs of the B2B SaaS example: reading the JSONL
 * and building the debt report, one shot per iteration, within the 2 GB heap the issue allows.
 * {@code items} 42,500 gives about a million events (the 10 s target), 435,000 about ten million
 * (2.8 GB of JSONL). The log is simulated once per trial into a temporary file. After each
 * iteration its peak heap, peak resident set and the load average are printed ({@link Peaks}).
 * Run from the repository root: {@code bench/run AnalyzeBenchmark}; the ten-million case takes
 * minutes an iteration, e.g. {@code bench/run -wi 0 -i 3 -p items=435000 AnalyzeBenchmark.analyze}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@State(Scope.Benchmark)
public class AnalyzeBenchmark {

    @Param({"42500", "435000"})
    public int items;

    private OperatingModel model;
    private Path log;

    @Setup(Level.Trial)
    public void simulate() throws IOException {
        ValidationReport report = ModelValidation.validate(Path.of("examples/b2b-saas.yaml"));
        if (!report.valid()) {
            throw new IllegalStateException("run the benchmarks from the repository root");
        }
        model = report.model();
        log = Files.createTempFile("baton-analyze-bench", ".jsonl");
        SimulationTruth truth;
        try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.create(log)) {
            truth = Simulator.run(model, new SimulationSettings(items, 1, SimulationSettings.DEFAULT_START, 52,
                    DebtRates.DEFAULT), writer::write);
        }
        System.out.printf(Locale.ROOT, "%n%,d items, %,d events, %,d MB of JSONL%n", truth.items(), truth.events(),
                Files.size(log) >> 20);
    }

    @TearDown(Level.Trial)
    public void deleteLog() throws IOException {
        Files.deleteIfExists(log);
    }

    /** Reading and decoding the log only. */
    @Benchmark
    public long read(Peaks.Iterations peaks) throws IOException {
        long[] events = {0};
        DebtAnalysis.jsonl(log).forEach(e -> events[0]++);
        return events[0];
    }

    /** The whole report, as {@code baton analyze} builds it. */
    @Benchmark
    public void analyze(Blackhole sink, Peaks.Iterations peaks) throws IOException {
        DebtReport report = DebtAnalysis.analyze(model, List.of(), log.getFileName().toString(), DebtAnalysis.jsonl(log));
        sink.consume(report);
    }
}
