package dev.baton.measure.attribution;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Channel names numbered 0, 1, 2, … in the order first seen, looked up by their UTF-8 bytes so that
 * a million path rows are read without making a String per touch.
 */
final class ChannelNames {

    private final List<String> names = new ArrayList<>();
    private byte[] pool = new byte[1024];
    private int poolSize;
    private int[] starts = new int[64];
    private int[] hashes = new int[64];
    private int[] slots = new int[128];
    private int mask = 127;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    ChannelNames() {
        Arrays.fill(slots, -1);
    }

    int size() {
        return names.size();
    }

    List<String> names() {
        return List.copyOf(names);
    }

    int id(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return id(bytes, 0, bytes.length);
    }

    /** The id of the name in {@code bytes[from, to)}, -1 when those bytes are not UTF-8. */
    int id(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        h ^= h >>> 16;
        int slot = h & mask;
        int len = to - from;
        while (true) {
            int id = slots[slot];
            if (id < 0) {
                break;
            }
            if (hashes[id] == h && starts[id + 1] - starts[id] == len
                    && Arrays.equals(pool, starts[id], starts[id] + len, bytes, from, to)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        String name;
        try {
            name = decoder.decode(ByteBuffer.wrap(bytes, from, len)).toString();
        } catch (CharacterCodingException e) {
            return -1;
        }
        int id = names.size();
        names.add(name);
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(bytes, from, pool, poolSize, len);
        if (id + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        starts[id] = poolSize;
        poolSize += len;
        starts[id + 1] = poolSize;
        hashes[id] = h;
        slots[slot] = id;
        if (names.size() * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
        for (int id = 0; id < names.size(); id++) {
            int slot = hashes[id] & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
    }
}
