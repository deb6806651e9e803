package dev.baton.exchange.source;

import dev.baton.exchange.io.SpillSort;

/** The note a reader leaves when its export did not fit the sort's memory budget. */
public final class SortNotes {

    private SortNotes() {
    }

    /** Call after the last record was added, before draining. */
    public static void spilled(SpillSort<?> sort, SourceSink sink) {
        if (sort.runs() > 0) {
            sink.note("sorted-on-disk", "the export was larger than the memory set aside for putting it in order: "
                    + sort.size() + " records were sorted in " + (sort.runs() + 1) + " runs on disk");
        }
    }
}
