package dev.baton.bench.insight;

import dev.baton.bench.Peaks;
import dev.baton.insight.discovery.Discovery;
import dev.baton.insight.discovery.ProcessMap;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Reading event logs and discovering the process map: generated CSV logs of one million events
 * (about 100k cases) and ten million (about 1M cases) and, when the shared datasets are present,
 * BPIC 2012 (262,200 events, XES gzipped). One operation is one whole log; divide the event count
 * by the time for throughput. After each iteration its peak heap, peak resident set and the load
 * average are printed ({@link Peaks}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class EventLogBenchmark {

    @Param({"generated-1M.csv", "generated-10M.csv", "bpic2012.xes.gz"})
    public String log;

    private Path file;
    private Path generated;
    private EventLog loaded;

    @Setup(Level.Trial)
    public void prepare(BenchmarkParams params) throws IOException {
        if (log.startsWith("generated")) {
            generated = Files.createTempFile("baton-bench", ".csv");
            SyntheticLog.write(generated, SyntheticLog.events(log), 42);
            file = generated;
        } else {
            file = Datasets.eventLog(log);
            if (file == null) {
                throw new IllegalStateException("shared dataset " + log + " absent: skipped");
            }
        }
        loaded = EventLogs.read(file);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        if (generated != null) {
            Files.deleteIfExists(generated);
        }
    }

    @Benchmark
    public EventLog read(Peaks.Iterations peaks) {
        return EventLogs.read(file);
    }

    @Benchmark
    public ProcessMap discover(Peaks.Iterations peaks) {
        return Discovery.processMap(loaded);
    }
}
