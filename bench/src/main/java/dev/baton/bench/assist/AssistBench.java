package dev.baton.bench.assist;

import dev.baton.assist.embed.MiniLm;
import dev.baton.assist.embed.VectorIndex;
import dev.baton.assist.embed.Vectors;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code bench/run-assist [--requests 100000] [--embedded 2000] [--queries 200] [--runs 3]}: the
 * two figures issue 16 asks of the offline assistants (docs/assist.md, "Measured"):
 * <ul>
 *   <li>embedding throughput of the in-jar MiniLM model: one sentence alone (median of 50), and
 *       batches of 512 (sentences per second, median of the runs);</li>
 *   <li>similar-request search over {@code --requests} past requests once indexed: the search alone
 *       and the query's embedding plus the search, median and 90th percentile over the queries.</li>
 * </ul>
 * Embedding 100,000 requests takes minutes here, and the search time does not depend on what the
 * vectors say: {@code --embedded} generated requests are embedded for real and the index is filled
 * up to {@code --requests} with copies of them, each moved by a little noise and made unit length
 * again ({@code --embedded 100000} embeds them all). The queries are other generated requests,
 * embedded for real. Run alone: these are wall-clock figures.
 */
public final class AssistBench {

    public static void main(String[] args) {
        int requests = 100_000;
        int embedded = 2_000;
        int queries = 200;
        int runs = 3;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--embedded" -> embedded = Integer.parseInt(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> {
                }
            }
        }
        embedded = Math.min(embedded, requests);
        MiniLm model = MiniLm.instance();
        long l0 = System.nanoTime();
        model.embed("warm up the model");
        System.out.printf(Locale.ROOT, "model loaded and first sentence embedded in %.1f s; %d cores%n",
                (System.nanoTime() - l0) / 1e9, Runtime.getRuntime().availableProcessors());

        List<String> sentences = RequestGenerator.requests(512, 11);
        double words = sentences.stream().mapToInt(s -> s.split("\\s+").length).average().orElse(0);
        double[] single = new double[50];
        for (int i = 0; i < single.length; i++) {
            long t = System.nanoTime();
            model.embed(sentences.get(i));
            single[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(Locale.ROOT, "one sentence alone (%.0f words on average): median %.1f ms, p90 %.1f ms%n", words,
                percentile(single, 0.5), percentile(single, 0.9));
        double[] throughput = new double[runs];
        double[] alone = new double[runs];
        int cores = Runtime.getRuntime().availableProcessors();
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            long cpu = cpuNanos();
            model.embed(sentences);
            double wall = (System.nanoTime() - t) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            throughput[r] = sentences.size() / wall;
            // On a shared machine the wall clock counts other people's work; the CPU this process used does not.
            alone[r] = sentences.size() / (cpuSeconds / cores);
            System.out.printf(Locale.ROOT, "run %d: %d sentences batched, %.0f sentences/s (cpu %.1f s on all threads: "
                    + "%.0f sentences/s with the %d cores to itself)%n", r + 1, sentences.size(), throughput[r], cpuSeconds,
                    alone[r], cores);
        }
        System.out.printf(Locale.ROOT, "batched embedding: median %.0f sentences/s by the wall clock, %.0f by CPU time "
                + "(target: 100 or more)%n", percentile(throughput, 0.5), percentile(alone, 0.5));

        long e0 = System.nanoTime();
        float[][] real = model.embed(RequestGenerator.requests(embedded, 7));
        System.out.printf(Locale.ROOT, "embedded %,d past requests in %.1f s%n", embedded, (System.nanoTime() - e0) / 1e9);
        long b0 = System.nanoTime();
        VectorIndex index = new VectorIndex(MiniLm.DIMENSION);
        Random noise = new Random(5);
        for (int i = 0; i < requests; i++) {
            float[] v = real[i % embedded];
            if (i >= embedded) {
                v = v.clone();
                for (int j = 0; j < v.length; j++) {
                    v[j] += (float) (noise.nextGaussian() * 0.02);
                }
            }
            index.add(v);
        }
        System.out.printf(Locale.ROOT, "indexed %,d requests (%,d embedded, the rest near copies) in %.1f s, %,d MB of vectors%n",
                requests, embedded, (System.nanoTime() - b0) / 1e9, (long) requests * MiniLm.DIMENSION * 4 / (1 << 20));

        List<String> asked = RequestGenerator.requests(queries, 99);
        double[] search = new double[queries];
        double[] searchCpu = new double[queries];
        double[] total = new double[queries];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        float checksum = 0;
        for (int q = 0; q < queries; q++) {
            long t0 = System.nanoTime();
            float[] v = model.embed(asked.get(q));
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            List<VectorIndex.Hit> hits = index.top(v, 5);
            long c2 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            checksum += hits.get(0).similarity();
            search[q] = (t2 - t1) / 1e6;
            searchCpu[q] = (c2 - c1) / 1e6;
            total[q] = (t2 - t0) / 1e6;
        }
        // The search runs on one thread: its CPU time is what it takes with a core to itself.
        System.out.printf(Locale.ROOT, "search over %,d requests, %d queries: median %.1f ms, p90 %.1f ms by the wall clock, "
                + "median %.1f ms of CPU (target: 50 ms or less); with the query's embedding: median %.1f ms, p90 %.1f ms%n",
                requests, queries, percentile(search, 0.5), percentile(search, 0.9), percentile(searchCpu, 0.5),
                percentile(total, 0.5), percentile(total, 0.9));
        System.out.printf(Locale.ROOT, "(mean best similarity %.3f; self-check of the index: %.3f)%n", checksum / queries,
                Vectors.dot(index.vector(0), Vectors.unit(real[0])));
        System.exit(0);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
