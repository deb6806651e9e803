package dev.baton.measure.attribution;

import java.util.Arrays;

/**
 * Numbers distinct byte strings 0, 1, 2, … in the order first seen, found again by their bytes
 * (kept end to end in one array) so that a million CSV rows are matched without a String each.
 */
final class ByteSliceIndex {

    private byte[] pool = new byte[1 << 12];
    private long poolSize;
    private long[] starts = new long[65];
    private int[] hashes = new int[64];
    private int[] slots = new int[128];
    private int mask = 127;
    private int size;

    ByteSliceIndex() {
        Arrays.fill(slots, -1);
    }

    int size() {
        return size;
    }

    /** The bytes kept, in all. */
    long bytes() {
        return poolSize;
    }

    static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

    /** The number of {@code bytes[from, to)} (whose {@link #hash} is {@code h}), -1 when not seen. */
    int find(byte[] bytes, int from, int to, int h) {
        int slot = h & mask;
        int length = to - from;
        while (true) {
            int index = slots[slot];
            if (index < 0) {
                return -1;
            }
            if (hashes[index] == h && starts[index + 1] - starts[index] == length
                    && Arrays.equals(pool, (int) starts[index], (int) starts[index] + length, bytes, from, to)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Numbers {@code bytes[from, to)}, which {@link #find} did not find. */
    int add(byte[] bytes, int from, int to, int h) {
        int length = to - from;
        if (poolSize + length > pool.length) {
            long wanted = Math.max(pool.length * 2L, poolSize + length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of distinct text");
            }
            pool = Arrays.copyOf(pool, (int) wanted);
        }
        System.arraycopy(bytes, from, pool, (int) poolSize, length);
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            starts = Arrays.copyOf(starts, size * 2 + 1);
        }
        int index = size++;
        starts[index] = poolSize;
        poolSize += length;
        starts[index + 1] = poolSize;
        hashes[index] = h;
        int slot = h & mask;
        while (slots[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index;
        if (size * 2 > slots.length) {
            rehash();
        }
        return index;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = hashes[i] & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i;
        }
    }
}
