package dev.baton.bench.exchange;

import dev.baton.bench.Peaks;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a whole import or export several times and prints events/s per run, the median, and two
 * heap figures from {@link Peaks}: the peak in use (the sum of the heap pools' peaks, an upper
 * bound that includes garbage not yet collected) and the peak live heap (the most in use right
 * after any collection: what the work really holds). For the {@code main}
 * methods of the import and export benchmarks, run under {@code -Xmx256m}.
 */
public final class Measured {

    /** One run: does the work and returns how many events it wrote. */
    @FunctionalInterface
    public interface Run {
        long events() throws Exception;
    }

    /** The median events/s and the peak heap of all runs. */
    public record Figures(double medianRate, double minRate, double maxRate, long peakHeapBytes, long peakLiveBytes,
                          long events) {
    }

    private Measured() {
    }

    public static Figures measure(String label, int runs, Run before, Run run) throws Exception {
        before.events();
        run.events(); // warm-up
        List<Double> rates = new ArrayList<>();
        long peak = 0;
        long live = 0;
        long events = 0;
        for (int i = 0; i < runs; i++) {
            before.events();
            Peaks.reset();
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            events = run.events();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
            long heapPeak = Peaks.heap();
            peak = Math.max(peak, heapPeak);
            live = Math.max(live, Peaks.live());
            double rate = events / seconds;
            rates.add(rate);
            System.out.printf(Locale.ROOT, "%s run %d: %,d events in %.2f s = %,.0f events/s (thread on CPU %.2f s = "
                    + "%,.0f events per CPU second), heap peak %,d MB, live after GC at most %,d MB%n", label, i + 1, events, seconds,
                    rate, cpuSeconds, events / cpuSeconds, heapPeak >> 20, Peaks.live() >> 20);
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Figures figures = new Figures(sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], peak, live,
                events);
        System.out.printf(Locale.ROOT, "%s: median %,.0f events/s over %d runs (min %,.0f, max %,.0f); peak heap %,d MB, "
                        + "peak live heap %,d MB (max heap %,d MB)%n", label, figures.medianRate(), runs, figures.minRate(),
                figures.maxRate(), peak >> 20, live >> 20, Runtime.getRuntime().maxMemory() >> 20);
        return figures;
    }
}
