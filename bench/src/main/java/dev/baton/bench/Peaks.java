package dev.baton.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Peak memory of one benchmark iteration, its CPU time and the machine's load while it ran: the
 * heap pools' peaks (their sum: how full the collector let the heap get, near the limit whenever
 * much is allocated), the largest heap still in use right after a collection (the live data the
 * work needs at most, what decides whether it fits), on Linux the process's peak resident set
 * (VmHWM, reset through /proc/self/clear_refs), and the process CPU time (less sensitive to the
 * load of a shared machine than wall time). Call {@link #reset} before an iteration and
 * {@link #line} after it, or let a JMH benchmark method take an {@link Iterations} argument.
 */
public final class Peaks {

    private static final AtomicLong LIVE = new AtomicLong();
    private static volatile long cpuAtReset;

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GcInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData()).getGcInfo();
                        long used = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                        LIVE.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private Peaks() {
    }

    /** Collects garbage and starts new peaks. */
    public static void reset() {
        System.gc();
        LIVE.set(0);
        cpuAtReset = cpu();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // 5 resets the peak resident set
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the resident peak is then the process's since start
        }
    }

    /** The sum of the heap pools' peak usage since {@link #reset}, in bytes. */
    public static long heap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** The largest heap in use right after a collection since {@link #reset}, in bytes (0 when none ran). */
    public static long live() {
        return LIVE.get();
    }

    /** The process's CPU time in nanoseconds, or -1 when unknown. */
    public static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The peak resident set in bytes (VmHWM), or -1 when unknown. */
    public static long resident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The one-minute load average, or -1 when unknown. */
    public static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** {@code [peak heap 1,412 MB, live after GC 301 MB, peak RSS 1,801 MB, CPU 12.3 s, load 3.2]}. */
    public static String line() {
        return String.format(Locale.ROOT, " [peak heap %,d MB, live after GC %,d MB, peak RSS %,d MB, CPU %.1f s, load %.1f]",
                heap() >> 20, live() >> 20, resident() >> 20, (cpu() - cpuAtReset) / 1e9, load());
    }

    /** A JMH state whose only job is to print the peaks after every iteration of the benchmarks that take it. */
    @State(Scope.Benchmark)
    public static class Iterations {

        @Setup(Level.Iteration)
        public void reset() {
            Peaks.reset();
        }

        @TearDown(Level.Iteration)
        public void print() {
            System.out.print(line());
        }
    }
}
