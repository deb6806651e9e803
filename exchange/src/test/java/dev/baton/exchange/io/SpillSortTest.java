package dev.baton.exchange.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpillSortTest {

    /** A record that remembers its key and when it was added, to check order and stability. */
    record Entry(long group, long time, int nanos, long added, String text) {
    }

    static final SpillSort.Codec<Entry> CODEC = new SpillSort.Codec<>() {
        @Override
        public void write(DataOutput out, Entry e) throws IOException {
            out.writeLong(e.group());
            out.writeLong(e.time());
            out.writeInt(e.nanos());
            out.writeLong(e.added());
            SpillSort.writeString(out, e.text());
        }

        @Override
        public Entry read(DataInput in) throws IOException {
            return new Entry(in.readLong(), in.readLong(), in.readInt(), in.readLong(), SpillSort.readString(in));
        }
    };

    private static List<Entry> sortAndDrain(List<Entry> entries, long memory, int[] runs) {
        List<Entry> out = new ArrayList<>();
        try (SpillSort<Entry> sort = new SpillSort<>(CODEC, memory)) {
            entries.forEach(e -> sort.add(e.group(), e.time(), e.nanos(), e));
            runs[0] = sort.runs();
            sort.drain((group, e) -> {
                assertThat(group).isEqualTo(e.group());
                out.add(e);
            });
        }
        return out;
    }

    private static List<Entry> random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Few distinct times per group, so that many keys are equal and stability shows.
            entries.add(new Entry(random.nextInt(500), random.nextInt(20) - 10, random.nextInt(3), i,
                    random.nextInt(10) == 0 ? null : "x".repeat(random.nextInt(40))));
        }
        return entries;
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::group).thenComparingLong(Entry::time)
            .thenComparingInt(Entry::nanos).thenComparingLong(Entry::added);

    @Test
    void whatFitsTheBudgetIsSortedInMemoryStably() {
        List<Entry> entries = random(5_000, 1);
        int[] runs = new int[1];
        List<Entry> sorted = sortAndDrain(entries, 32 << 20, runs);
        assertThat(runs[0]).isZero();
        assertThat(sorted).isEqualTo(entries.stream().sorted(ORDER).toList());
    }

    @Test
    void moreThanTheBudgetIsMergedFromRunsOnDiskInSeveralPasses() {
        // ~40 bytes a record against 64 kB: about 1,500 records a run, so 300,000 records make
        // more runs than one merge takes at a time.
        List<Entry> entries = random(300_000, 2);
        int[] runs = new int[1];
        List<Entry> sorted = sortAndDrain(entries, 64 * 1024, runs);
        assertThat(runs[0]).isGreaterThan(SpillSort.FAN_IN);
        assertThat(sorted).isEqualTo(entries.stream().sorted(ORDER).toList());
    }

    @Test
    void theTemporaryFilesAreGoneAfterClose() {
        try (SpillSort<Entry> sort = new SpillSort<>(CODEC, 64 * 1024)) {
            random(20_000, 3).forEach(e -> sort.add(e.group(), e.time(), e.nanos(), e));
            assertThat(sort.runs()).isPositive();
            assertThat(SpillSort.directoriesInUse()).isEqualTo(1);
        }
        assertThat(SpillSort.directoriesInUse()).isZero();
    }
}
