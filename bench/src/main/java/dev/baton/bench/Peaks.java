package dev.baton.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Peak memory of one benchmark iteration and the machine's load while it ran: the heap pools'
 * peaks (their sum, an upper bound of the peak heap) and, on Linux, the process's peak resident
 * set (VmHWM, reset through /proc/self/clear_refs). Call {@link #reset} before an iteration and
 * {@link #line} after it.
 */
public final class Peaks {

    private Peaks() {
    }

    /** Collects garbage and starts new peaks. */
    public static void reset() {
        System.gc();
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

    /** {@code [peak heap 412 MB, peak RSS 801 MB, load 3.2]}. */
    public static String line() {
        return String.format(Locale.ROOT, " [peak heap %,d MB, peak RSS %,d MB, load %.1f]", heap() >> 20,
                resident() >> 20, load());
    }
}
