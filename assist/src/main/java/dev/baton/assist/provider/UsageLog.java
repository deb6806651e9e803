package dev.baton.assist.provider;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** Where calls to configured models are recorded; the budget reads the month's calls back. */
public interface UsageLog {

    void record(Usage usage);

    /** Every record, oldest first. */
    List<Usage> all();

    /** The records of a calendar month (UTC). */
    default List<Usage> month(YearMonth month) {
        return all().stream().filter(u -> YearMonth.from(u.at().atZone(ZoneOffset.UTC)).equals(month)).toList();
    }

    /** A log kept in memory, for a server that keeps its own records or for one run. */
    static UsageLog inMemory() {
        return new UsageLog() {
            private final List<Usage> usages = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public void record(Usage usage) {
                usages.add(usage);
            }

            @Override
            public List<Usage> all() {
                return List.copyOf(usages);
            }
        };
    }
}
