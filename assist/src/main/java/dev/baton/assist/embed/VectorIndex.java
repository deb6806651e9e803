package dev.baton.assist.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Unit vectors in one flat array, searched by brute force: the dot product with every row, the
 * best {@code k} kept in a small heap. Exact, with no index to build or tune; 100,000 rows of 384
 * dimensions (150 MB) are scanned in about 25 ms on one core (docs/assist.md, measured figures),
 * well inside what a person waits for at intake. Not thread-safe while rows are added; searching
 * a fully built index from several threads is safe.
 */
public final class VectorIndex {

    /** A row and its cosine similarity with the query. */
    public record Hit(int row, float similarity) {
    }

    private final int dimension;
    private float[] rows;
    private int size;

    public VectorIndex(int dimension) {
        if (dimension <= 0 || dimension % 8 != 0) {
            throw new IllegalArgumentException("expected a dimension that is a positive multiple of 8, found " + dimension);
        }
        this.dimension = dimension;
        this.rows = new float[dimension * 16];
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return size;
    }

    /** Adds a vector (scaled to unit length) as the next row; returns its row number. */
    public int add(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected a vector of " + dimension + " dimensions, found " + vector.length);
        }
        if ((size + 1) * dimension > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, (size + 1) * dimension));
        }
        System.arraycopy(Vectors.unit(vector), 0, rows, size * dimension, dimension);
        return size++;
    }

    /** The {@code k} rows most similar to {@code query}, best first. */
    public List<Hit> top(float[] query, int k) {
        return top(query, k, row -> true);
    }

    /** The {@code k} rows most similar to {@code query} among those {@code keep} accepts, best first. */
    public List<Hit> top(float[] query, int k, IntPredicate keep) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("expected a query of " + dimension + " dimensions, found " + query.length);
        }
        if (k <= 0 || size == 0) {
            return List.of();
        }
        float[] q = Vectors.unit(query);
        // A min-heap of the best so far: heapScores[0] is the worst of them, the bar to beat.
        int[] heapRows = new int[k];
        float[] heapScores = new float[k];
        int filled = 0;
        for (int row = 0; row < size; row++) {
            float s = dot(rows, row * dimension, q);
            if (filled == k && s <= heapScores[0]) {
                continue;
            }
            if (!keep.test(row)) {
                continue;
            }
            if (filled < k) {
                heapRows[filled] = row;
                heapScores[filled] = s;
                siftUp(heapRows, heapScores, filled++);
            } else {
                heapRows[0] = row;
                heapScores[0] = s;
                siftDown(heapRows, heapScores, filled);
            }
        }
        List<Hit> hits = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            hits.add(new Hit(heapRows[i], heapScores[i]));
        }
        // Best first; equal scores by row, so that answers do not depend on the heap's order.
        hits.sort((a, b) -> a.similarity() != b.similarity() ? Float.compare(b.similarity(), a.similarity())
                : Integer.compare(a.row(), b.row()));
        return hits;
    }

    /** The vector of a row (a copy). */
    public float[] vector(int row) {
        return Arrays.copyOfRange(rows, row * dimension, (row + 1) * dimension);
    }

    /**
     * Eight independent sums: the scan is bound by memory, and one running sum would also make
     * every multiply-add wait for the previous one.
     */
    private static float dot(float[] data, int offset, float[] q) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int j = 0; j < q.length; j += 8) {
            int o = offset + j;
            s0 += data[o] * q[j];
            s1 += data[o + 1] * q[j + 1];
            s2 += data[o + 2] * q[j + 2];
            s3 += data[o + 3] * q[j + 3];
            s4 += data[o + 4] * q[j + 4];
            s5 += data[o + 5] * q[j + 5];
            s6 += data[o + 6] * q[j + 6];
            s7 += data[o + 7] * q[j + 7];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static void siftUp(int[] rows, float[] scores, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(rows, scores, i, parent)) {
                return;
            }
            swap(rows, scores, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] rows, float[] scores, int n) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < n && worse(rows, scores, l, worst)) {
                worst = l;
            }
            if (r < n && worse(rows, scores, r, worst)) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            swap(rows, scores, i, worst);
            i = worst;
        }
    }

    /** Lower score is worse; on a tie the later row is worse, so the earliest rows win ties. */
    private static boolean worse(int[] rows, float[] scores, int a, int b) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && rows[a] > rows[b]);
    }

    private static void swap(int[] rows, float[] scores, int a, int b) {
        int r = rows[a];
        rows[a] = rows[b];
        rows[b] = r;
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }
}
