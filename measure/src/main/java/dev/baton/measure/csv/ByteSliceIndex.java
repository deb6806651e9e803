package dev.baton.measure.csv;

import java.util.Arrays;

/**
 * Numbers distinct byte strings 0, 1, 2, … in the order first seen, found again by their bytes
 * (kept end to end in one array) so that a million CSV rows are matched without a String each.
 */
public final class ByteSliceIndex {

    private byte[] pool = new byte[1 << 12];
    private long poolSize;
    private long[] starts = new long[65];
    /**
     * Open addressing: each slot holds a number's hash (high half) and the number plus one (low
     * half; 0 is an empty slot), so that probing compares hashes without reaching into other arrays:
     * with hundreds of thousands of distinct values each such reach is a cache miss.
     */
    private long[] slots = new long[128];
    private int shift = 32 - 7;
    private int size;

    public ByteSliceIndex() {
    }

    public int size() {
        return size;
    }

    /** The bytes kept, in all. */
    public long bytes() {
        return poolSize;
    }

    public static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

    /** The number of {@code bytes[from, to)} (whose {@link #hash} is {@code h}), -1 when not seen. */
    public int find(byte[] bytes, int from, int to, int h) {
        int mask = slots.length - 1;
        int slot = slot(h);
        int length = to - from;
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == h) {
                int index = (int) entry - 1;
                if (starts[index + 1] - starts[index] == length
                        && Arrays.equals(pool, (int) starts[index], (int) starts[index] + length, bytes, from, to)) {
                    return index;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The first slot to probe: the hash spread by Fibonacci hashing, as similar values hash alike in the low bits. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /** Numbers {@code bytes[from, to)}, which {@link #find} did not find. */
    public int add(byte[] bytes, int from, int to, int h) {
        int length = to - from;
        if (poolSize + length > pool.length) {
            long wanted = Math.max(pool.length * 2L, poolSize + length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of distinct text");
            }
            pool = Arrays.copyOf(pool, (int) wanted);
        }
        System.arraycopy(bytes, from, pool, (int) poolSize, length);
        if (size + 1 == starts.length) {
            starts = Arrays.copyOf(starts, size * 2 + 1);
        }
        int index = size++;
        starts[index] = poolSize;
        poolSize += length;
        starts[index + 1] = poolSize;
        put(slots, slot(h), (long) h << 32 | (index + 1L));
        if (size * 2 > slots.length) {
            rehash();
        }
        return index;
    }

    private static void put(long[] slots, int slot, long entry) {
        int mask = slots.length - 1;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        shift--;
        for (long entry : old) {
            if (entry != 0) {
                put(slots, slot((int) (entry >>> 32)), entry);
            }
        }
    }
}
