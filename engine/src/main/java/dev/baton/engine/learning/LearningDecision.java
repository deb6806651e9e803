package dev.baton.engine.learning;

import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import java.util.List;

/** What a learning command decided: the events to record, or why nothing is recorded. */
public record LearningDecision(List<LearningEvent> events, Rejection rejection) {

    static LearningDecision record(LearningEvent... events) {
        return new LearningDecision(List.of(events), null);
    }

    static LearningDecision reject(Code code, String sentence) {
        return new LearningDecision(List.of(), new Rejection(code, sentence));
    }

    static LearningDecision reject(Rejection rejection) {
        return new LearningDecision(List.of(), rejection);
    }

    public boolean rejected() {
        return rejection != null;
    }
}
