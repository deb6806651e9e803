package dev.baton.scale.log;

import java.io.Serializable;
import java.util.List;

/** One case of a log as a job reads it: its stream, the position of its first event, its lines (UTF-8) in log order. */
public record LogCase(String stream, long first, List<byte[]> lines) implements Serializable {

    /** The stream of the case that heads each partition: the log's batch events, which say the retracted batches. */
    static final String BATCHES = "\u0000batches";

    /** True for the batch events that head a partition (not a case of the log: readers skip it). */
    public boolean batches() {
        return BATCHES.equals(stream);
    }
}
