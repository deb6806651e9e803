package dev.baton.engine.item;

import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import java.util.List;

/** What a command decided: the events to record, or why nothing is recorded. */
public record Decision(List<WorkItemEvent> events, Rejection rejection) {

    public static Decision record(WorkItemEvent... events) {
        return new Decision(List.of(events), null);
    }

    public static Decision reject(Rejection rejection) {
        return new Decision(List.of(), rejection);
    }

    public static Decision reject(Code code, String sentence) {
        return reject(new Rejection(code, sentence));
    }

    public boolean rejected() {
        return rejection != null;
    }
}
