package dev.baton.measure.experiment.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dense ids for short byte strings (experiment ids, variant names) looked up straight from a line
 * buffer, twice per row: the key is read eight bytes at a time, hashed with a multiply-shift mix,
 * and a key of up to sixteen bytes is compared as two longs, its first and its last eight bytes
 * ("treatment" is nine: a byte-array comparison for it was a seventh of the read). The bytes are
 * copied only the first time a key is seen.
 */
final class ByteKeys {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int[] slots = new int[64];
    private final List<byte[]> keys = new ArrayList<>();
    private long[] hashes = new long[16];
    private long[] firsts = new long[16];
    private long[] lasts = new long[16];
    private int[] lengths = new int[16];

    ByteKeys() {
        Arrays.fill(slots, -1);
    }

    int size() {
        return keys.size();
    }

    String name(int id) {
        return new String(keys.get(id), StandardCharsets.UTF_8);
    }

    private static long mix(long h) {
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** The id of {@code b[from, to)}, added when new. */
    int id(byte[] b, int from, int to) {
        int length = to - from;
        long h = length;
        long first = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(b, i);
            if (i == from) {
                first = word;
            }
            h = mix(h ^ word);
        }
        long tail = 0;
        for (int j = to - 1; j >= i; j--) {
            tail = (tail << 8) | (b[j] & 0xff);
        }
        if (length < 8) {
            first = tail;
        }
        long last = length < 8 ? tail : (long) LONGS.get(b, to - 8);
        h = mix(h ^ tail);
        int mask = slots.length - 1;
        int slot = (int) (h >>> 32) & mask;
        while (true) {
            int id = slots[slot];
            if (id < 0) {
                return add(b, from, to, h, first, last, slot);
            }
            if (hashes[id] == h && firsts[id] == first && lengths[id] == length
                    && (length <= 16 ? lasts[id] == last : Arrays.equals(keys.get(id), 0, length, b, from, to))) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(byte[] b, int from, int to, long h, long first, long last, int slot) {
        int id = keys.size();
        keys.add(Arrays.copyOfRange(b, from, to));
        if (id == hashes.length) {
            hashes = Arrays.copyOf(hashes, id * 2);
            firsts = Arrays.copyOf(firsts, id * 2);
            lasts = Arrays.copyOf(lasts, id * 2);
            lengths = Arrays.copyOf(lengths, id * 2);
        }
        lengths[id] = to - from;
        hashes[id] = h;
        firsts[id] = first;
        lasts[id] = last;
        slots[slot] = id;
        if (keys.size() * 2 > slots.length) {
            int[] bigger = new int[slots.length * 2];
            Arrays.fill(bigger, -1);
            int mask = bigger.length - 1;
            for (int k = 0; k < keys.size(); k++) {
                int s = (int) (hashes[k] >>> 32) & mask;
                while (bigger[s] >= 0) {
                    s = (s + 1) & mask;
                }
                bigger[s] = k;
            }
            slots = bigger;
        }
        return id;
    }
}
