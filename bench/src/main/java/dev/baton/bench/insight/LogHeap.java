package dev.baton.bench.insight;

import dev.baton.bench.Peaks;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogs;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The heap a read event log needs: writes a generated CSV log of N events (default ten million),
 * reads it, and prints the time, the peak heap of the whole read and the heap the log keeps.
 * Run with the heap limit to prove, e.g.
 * {@code java -Xmx2g -cp bench/target/benchmarks.jar dev.baton.bench.insight.LogHeap 10000000}.
 */
public final class LogHeap {

    private LogHeap() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path csv = Files.createTempFile("baton-heap", ".csv");
        try {
            long written = SyntheticLog.write(csv, events, 7);
            System.gc();
            long before = used();
            Peaks.reset();
            long start = System.nanoTime();
            EventLog log = EventLogs.read(csv);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = Peaks.heap();
            System.gc();
            long kept = used() - before;
            System.out.printf("%d events, %d cases, %d MB on disk: read in %d ms (%.0f events/s); peak heap %d MB, "
                            + "log keeps %d MB (%.1f bytes an event); max heap %d MB%n",
                    log.eventCount(), log.caseCount(), Files.size(csv) >> 20, millis, written * 1000.0 / millis,
                    peak >> 20, kept >> 20, (double) kept / log.eventCount(), Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
