package dev.baton.plan.schedule;

/**
 * One broken rule of a schedule, with the sentence that says it.
 *
 * @param activity the activity concerned (the later one of a precedence), or -1
 * @param other the earlier activity of a precedence, or -1
 * @param resource the overloaded resource, or -1
 * @param from first period of an overload or a missed deadline, or -1
 * @param to last period (inclusive) of an overload, or -1
 */
public record Violation(Kind kind, String message, int activity, int other, int resource, int from, int to) {

    /** The rules a schedule must keep. */
    public enum Kind {
        /** An activity starts before period 0 or before its release. */
        EARLY_START,
        /** An activity starts before one of its predecessors has finished. */
        PRECEDENCE,
        /** A resource is used beyond its capacity in some periods. */
        CAPACITY,
        /** An activity finishes after its hard deadline. */
        DEADLINE
    }

    @Override
    public String toString() {
        return message;
    }
}
