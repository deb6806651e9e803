package dev.baton.bench;

import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.version.ModelVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commands per second through the in-memory engine: each operation is one command (with its
 * idempotency key) on one of the generated campaigns, decided against the model and appended to
 * the in-memory event store. The engine, its store and the items are made afresh for every
 * iteration, so the log does not grow without bound. Run from the repository root:
 * {@code bench/run EngineBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The compiler needs a while on a busy 2-core machine before the loop runs at full speed.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// The in-memory store keeps every event for good, so nearly everything a command allocates either
// dies at once or lives forever: a large young generation and the parallel collector (which copies
// survivors once and has cheaper write barriers than G1) suit that. To compare with G1, the JVM
// default, run with -jvmArgsAppend -XX:+UseG1GC (which replaces these settings).
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn1500m", "-XX:+UseParallelGC"})
public class EngineBenchmark {

    /** The engine every thread sends commands to. */
    @State(Scope.Benchmark)
    public static class Shared {

        @Param({"10000"})
        public int items;

        Engine engine;
        private String model;
        private final java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();

        @Setup(Level.Trial)
        public void readModel() {
            try {
                model = Files.readString(Path.of("examples/b2b-saas.yaml"));
            } catch (IOException e) {
                throw new UncheckedIOException("run the benchmarks from the repository root", e);
            }
        }

        @Setup(Level.Iteration)
        public void freshEngine() {
            ModelVersions versions = ModelVersions.inMemory(Clock.systemUTC());
            versions.upload("b2b-saas.yaml", model, "dev.patel");
            engine = Engine.inMemory(versions, Clock.systemUTC());
            threads.set(0);
        }
    }

    /** One thread's own campaigns and where each is in its loop, so that threads never race on an item. */
    @State(Scope.Thread)
    public static class Worker {

        private WorkItemId[] ids;
        private int[] steps;
        private int next;
        private long commands;
        private String prefix;
        private long cpuStart;
        long rejected;

        @Setup(Level.Iteration)
        public void createItems(Shared shared) {
            int thread = shared.threads.getAndIncrement();
            prefix = "t" + thread + "-";
            ids = new WorkItemId[shared.items];
            steps = new int[shared.items];
            for (int i = 0; i < shared.items; i++) {
                WorkItemId id = new WorkItemId("item-" + thread + "-" + i);
                CommandResult r = shared.engine.create(id, prefix + "create-" + i, new Actor("nora.haddad"),
                        CampaignWorkload.campaign(i));
                if (r.rejected()) {
                    throw new IllegalStateException("setup: " + r);
                }
                ids[i] = id;
            }
            next = 0;
            commands = 0;
        }

        @TearDown(Level.Iteration)
        public void check() {
            if (rejected > 0) {
                throw new IllegalStateException(rejected + " commands of the workload were rejected");
            }
        }
    }

    /**
     * Commands per second of CPU time of the whole benchmark process (garbage collection and the
     * compiler included): on a machine shared with other work, wall-clock throughput says more about
     * the neighbours than about the engine; this says what the engine costs.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuCost {
        public double commandsPerCpuSecond;
    }

    @Benchmark
    @Threads(1)
    public CommandResult oneThread(Shared shared, Worker worker, CpuCost cost) {
        return command(shared, worker, cost);
    }

    @Benchmark
    @Threads(2)
    public CommandResult twoThreads(Shared shared, Worker worker, CpuCost cost) {
        return command(shared, worker, cost);
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static CommandResult command(Shared shared, Worker w, CpuCost cost) {
        if (w.commands == 0) {
            w.cpuStart = OS.getProcessCpuTime();
        } else if ((w.commands & 4095) == 0) {
            cost.commandsPerCpuSecond = w.commands / ((OS.getProcessCpuTime() - w.cpuStart) / 1e9);
        }
        int i = w.next;
        w.next = i + 1 == w.ids.length ? 0 : i + 1;
        CampaignWorkload.Step step = CampaignWorkload.LOOP.get(w.steps[i]);
        w.steps[i] = (w.steps[i] + 1) % CampaignWorkload.LOOP.size();
        CommandResult result = shared.engine.handle(w.ids[i], null, w.prefix + w.commands++, step.actor(),
                step.command());
        if (result.rejected()) {
            w.rejected++;
        }
        return result;
    }
}
