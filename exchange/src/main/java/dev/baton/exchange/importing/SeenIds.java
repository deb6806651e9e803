package dev.baton.exchange.importing;

/**
 * The stable ids of events already in the log, kept as 128-bit hashes in an open-addressing
 * table: about 32 bytes an event instead of a few hundred for the strings, so checking a
 * ten-million-event log for duplicates fits in a few hundred megabytes. Two different ids share
 * a 128-bit hash with a probability far below one in 10^20 at that size.
 */
final class SeenIds {

    private long[] table = new long[2 * 1024];
    private int size;

    /** Adds the id; false when it was already there. */
    boolean add(String id) {
        if ((size + 1) * 4L > (table.length / 2) * 3L) {
            grow();
        }
        long[] h = hashes(id);
        boolean added = probe(table, h[0], h[1], true);
        if (added) {
            size++;
        }
        return added;
    }

    boolean contains(String id) {
        long[] h = hashes(id);
        return !probe(table, h[0], h[1], false);
    }

    int size() {
        return size;
    }

    /**
     * Walks the probe sequence of (h1, h2): true when an empty slot was reached (and filled when
     * {@code insert}); false when the pair is already there.
     */
    private boolean probe(long[] t, long h1, long h2, boolean insert) {
        int slots = t.length / 2;
        int i = (int) (mix(h1) & (slots - 1));
        while (true) {
            long a = t[2 * i];
            long b = t[2 * i + 1];
            if (a == 0 && b == 0) {
                if (insert) {
                    t[2 * i] = h1;
                    t[2 * i + 1] = h2;
                }
                return true;
            }
            if (a == h1 && b == h2) {
                return false;
            }
            i = (i + 1) & (slots - 1);
        }
    }

    private static long[] hashes(String id) {
        long h1 = 0xcbf29ce484222325L;
        long h2 = 0x84222325cbf29ce4L;
        for (int i = 0, n = id.length(); i < n; i++) {
            char c = id.charAt(i);
            h1 = (h1 ^ c) * 0x100000001b3L;
            h2 = (h2 ^ c) * 0x9E3779B97F4A7C15L;
        }
        h1 = mix(h1 ^ id.length());
        h2 = mix(h2 ^ id.length());
        if (h1 == 0 && h2 == 0) {
            h2 = 1; // (0, 0) marks an empty slot
        }
        return new long[] {h1, h2};
    }

    private void grow() {
        long[] old = table;
        long[] bigger = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                probe(bigger, old[i], old[i + 1], true);
            }
        }
        table = bigger;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93fe53bc863L;
        return z ^ (z >>> 33);
    }
}
