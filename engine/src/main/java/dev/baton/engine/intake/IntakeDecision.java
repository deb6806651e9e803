package dev.baton.engine.intake;

import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;

/** What an intake command decided: the event to record, or why nothing is recorded. */
public record IntakeDecision(IntakeEvent event, Rejection rejection) {

    static IntakeDecision record(IntakeEvent event) {
        return new IntakeDecision(event, null);
    }

    static IntakeDecision reject(Code code, String sentence) {
        return new IntakeDecision(null, new Rejection(code, sentence));
    }

    static IntakeDecision reject(Rejection rejection) {
        return new IntakeDecision(null, rejection);
    }

    public boolean rejected() {
        return rejection != null;
    }
}
