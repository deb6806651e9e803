package dev.baton.exchange.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Puts records in order by (group, time) with bounded memory: an external merge sort. Exports list
 * changes in whatever order their tool keeps (a CSV of interleaved cases, Trello's newest-first
 * actions, an OCEL log grouped by event), but an item's changes must be replayed oldest first.
 *
 * <p>Records are encoded at once into a byte arena; when the arena and its keys reach the memory
 * budget, they are sorted and written to a temporary file (a run, in {@code <tmp>/baton-sort-p<pid>-<n>},
 * which a later run removes when this process was killed: {@link Leftovers}), and the arena starts again. At
 * the end the runs are merged, at most {@value #FAN_IN} at a time. So the heap holds at most the
 * budget plus a read buffer per run, whatever the size of the export; an export that fits the
 * budget never touches the disk. Records with equal keys keep the order they were added in.
 *
 * @param <T> the record; its {@link Codec} turns it into bytes and back
 */
public final class SpillSort<T> implements AutoCloseable {

    /** The memory budget of the sorts the importers and exporters use unless told otherwise. */
    public static final long DEFAULT_MEMORY = 32L << 20;
    static final int FAN_IN = 64;
    /** The keys' share of a record's memory: group, time, nanos, offset. */
    private static final int KEY_BYTES = 8 + 8 + 4 + 4;

    /**
     * The disk failed the sort (full, or not writable): not the export's fault, so readers let it
     * through rather than report a malformed file.
     */
    public static final class Failure extends UncheckedIOException {
        Failure(Path dir, IOException cause) {
            super("could not put the changes in order on disk" + (dir == null ? "" : " in " + dir) + ": "
                    + cause.getMessage(), cause);
        }
    }

    /** Writes a record as bytes and reads it back. */
    public interface Codec<T> {
        void write(DataOutput out, T value) throws IOException;

        T read(DataInput in) throws IOException;
    }

    /** Receives the records in order, with the group each belongs to. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(long group, T value);
    }

    /** Temporary directories of this process's sorts not yet deleted. */
    private static final java.util.concurrent.atomic.AtomicInteger DIRECTORIES = new java.util.concurrent.atomic.AtomicInteger();

    private final Codec<T> codec;
    private final long memory;
    private final Arena arena = new Arena();
    private final DataOutputStream arenaOut = new DataOutputStream(arena);
    private long[] groups = new long[1024];
    private long[] times = new long[1024];
    private int[] nanos = new int[1024];
    private int[] offsets = new int[1025];
    private int count;
    private long total;
    private Path dir;
    private final List<Path> runs = new ArrayList<>();
    private int runsWritten;

    public SpillSort(Codec<T> codec, long memoryBytes) {
        this.codec = codec;
        Leftovers.sweepSorts(); // once per process: what killed runs left in the temp directory
        // The arena is one byte array: at most 1 GB.
        this.memory = Math.min(1L << 30, Math.max(64 * 1024, memoryBytes));
    }

    public SpillSort(Codec<T> codec) {
        this(codec, DEFAULT_MEMORY);
    }

    /** Adds a record to be given back in order of (group, time, nanos), then of adding. */
    public void add(long group, long time, int nano, T value) {
        if (count == groups.length) {
            int n = count * 2;
            groups = Arrays.copyOf(groups, n);
            times = Arrays.copyOf(times, n);
            nanos = Arrays.copyOf(nanos, n);
            offsets = Arrays.copyOf(offsets, n + 1);
        }
        try {
            codec.write(arenaOut, value);
        } catch (IOException e) {
            throw new Failure(null, e);
        }
        groups[count] = group;
        times[count] = time;
        nanos[count] = nano;
        count++;
        offsets[count] = arena.size();
        total++;
        if (arena.size() + (long) count * KEY_BYTES >= memory) {
            spill();
        }
    }

    /** Records added so far. */
    public long size() {
        return total;
    }

    /** Runs written to disk so far (0 while everything fits the budget). */
    public int runs() {
        return runsWritten;
    }

    /** How many sorts of this process have files on disk now: none once every sort is closed. */
    public static int directoriesInUse() {
        return DIRECTORIES.get();
    }

    /** Hands every record to the sink in order; the sort is empty afterwards. */
    public void drain(Sink<? super T> sink) {
        try {
            if (runs.isEmpty()) {
                Integer[] order = sortedChunk();
                ByteReader bytes = new ByteReader();
                DataInputStream in = new DataInputStream(bytes);
                for (int i : order) {
                    bytes.reset(arena.bytes(), offsets[i], offsets[i + 1] - offsets[i]);
                    sink.accept(groups[i], codec.read(in));
                }
                clearChunk();
                return;
            }
            if (count > 0) {
                spill();
            }
            while (runs.size() > FAN_IN) {
                List<Path> merged = new ArrayList<>();
                for (int from = 0; from < runs.size(); from += FAN_IN) {
                    List<Path> part = runs.subList(from, Math.min(runs.size(), from + FAN_IN));
                    Path run = newRun();
                    try (DataOutputStream out = open(run)) {
                        merge(part, (r) -> r.copyTo(out));
                    }
                    for (Path p : part) {
                        Files.deleteIfExists(p);
                    }
                    merged.add(run);
                }
                runs.clear();
                runs.addAll(merged);
            }
            ByteReader bytes = new ByteReader();
            DataInputStream in = new DataInputStream(bytes);
            merge(runs, r -> {
                bytes.reset(r.record, 0, r.length);
                sink.accept(r.group, codec.read(in));
            });
            for (Path p : runs) {
                Files.deleteIfExists(p);
            }
            runs.clear();
        } catch (IOException e) {
            throw new Failure(dir, e);
        }
    }

    private interface RunStep {
        void take(Run run) throws IOException;
    }

    /** Merges runs: the smallest head each time, the earlier run first on equal keys. */
    private void merge(List<Path> paths, RunStep step) throws IOException {
        Comparator<Run> byKey = Comparator.<Run>comparingLong(r -> r.group).thenComparingLong(r -> r.time)
                .thenComparingInt(r -> r.nanos).thenComparingInt(r -> r.index);
        PriorityQueue<Run> heads = new PriorityQueue<>(byKey);
        List<Run> open = new ArrayList<>();
        int buffer = (int) Math.max(8 * 1024, Math.min(1 << 16, memory / 4 / Math.max(1, paths.size())));
        try {
            for (int i = 0; i < paths.size(); i++) {
                Run run = new Run(new DataInputStream(new BufferedInputStream(Files.newInputStream(paths.get(i)), buffer)), i);
                open.add(run);
                if (run.next()) {
                    heads.add(run);
                }
            }
            while (!heads.isEmpty()) {
                Run run = heads.poll();
                step.take(run);
                if (run.next()) {
                    heads.add(run);
                }
            }
        } finally {
            for (Run r : open) {
                r.in.close();
            }
        }
    }

    /** Sorts the chunk in memory and writes it as a run. */
    private void spill() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("baton-sort-" + Leftovers.ownerTag());
                DIRECTORIES.incrementAndGet();
            }
            Path run = newRun();
            try (DataOutputStream out = open(run)) {
                byte[] bytes = arena.bytes();
                for (int i : sortedChunk()) {
                    int length = offsets[i + 1] - offsets[i];
                    out.writeLong(groups[i]);
                    out.writeLong(times[i]);
                    out.writeInt(nanos[i]);
                    out.writeInt(length);
                    out.write(bytes, offsets[i], length);
                }
            }
            runs.add(run);
            runsWritten++;
            clearChunk();
        } catch (IOException e) {
            throw new Failure(dir, e);
        }
    }

    private Path newRun() throws IOException {
        return Files.createTempFile(dir, "run-", ".bin");
    }

    private static DataOutputStream open(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    private Integer[] sortedChunk() {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(groups[a], groups[b]);
            if (c == 0) {
                c = Long.compare(times[a], times[b]);
            }
            if (c == 0) {
                c = Integer.compare(nanos[a], nanos[b]);
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order;
    }

    private void clearChunk() {
        count = 0;
        arena.reset(); // keeps its buffer and the key arrays: the next chunk is about as large
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        try {
            if (dir != null) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
                dir = null;
                DIRECTORIES.decrementAndGet();
            }
        } catch (IOException e) {
            throw new Failure(dir, e);
        }
    }

    /** One run being merged: its head record. */
    private static final class Run {
        final DataInputStream in;
        final int index;
        long group;
        long time;
        int nanos;
        byte[] record = new byte[256];
        int length;

        Run(DataInputStream in, int index) {
            this.in = in;
            this.index = index;
        }

        boolean next() throws IOException {
            try {
                group = in.readLong();
            } catch (EOFException end) {
                return false;
            }
            time = in.readLong();
            nanos = in.readInt();
            length = in.readInt();
            if (record.length < length) {
                record = new byte[Math.max(length, record.length * 2)];
            }
            in.readFully(record, 0, length);
            return true;
        }

        void copyTo(DataOutputStream out) throws IOException {
            out.writeLong(group);
            out.writeLong(time);
            out.writeInt(nanos);
            out.writeInt(length);
            out.write(record, 0, length);
        }
    }

    /** A growable byte array whose contents can be read in place. */
    private static final class Arena extends ByteArrayOutputStream {
        Arena() {
            super(1 << 16);
        }

        byte[] bytes() {
            return buf;
        }
    }

    /** Reads a slice of a byte array, reset for each record without allocating. */
    private static final class ByteReader extends InputStream {
        private byte[] bytes;
        private int pos;
        private int end;

        void reset(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.pos = offset;
            this.end = offset + length;
        }

        @Override
        public int read() {
            return pos < end ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= end) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    // ---- helpers for codecs ----

    /** A string that may be null, of any length (DataOutput.writeUTF stops at 64 kB). */
    public static void writeString(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
