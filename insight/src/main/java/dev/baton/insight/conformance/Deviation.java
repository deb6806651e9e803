package dev.baton.insight.conformance;

/**
 * One kind of gap between the log and the flow, with how often it happened.
 *
 * @param kind        what went differently
 * @param activity    the activity (stage) concerned; for {@link Kind#UNFINISHED} what the flow
 *                    still expected (several joined by {@code ' or '})
 * @param after       the activity the case had just done, or null at the start
 * @param occurrences how many times, over all cases
 * @param cases       in how many cases
 */
public record Deviation(Kind kind, String activity, String after, long occurrences, long cases) {

    public enum Kind {
        /** Alignments: the flow requires the activity here, the case did not do it (a model move). */
        SKIPPED,
        /** Alignments: the case did the activity where the flow does not allow it (a log move). */
        INSERTED,
        /** Token replay: the activity happened without what the flow requires before it (missing tokens). */
        FORCED,
        /** Either method: the activity does not occur in the flow at all. */
        NOT_IN_MODEL,
        /**
         * Token replay: the case ended while the flow still expected this activity (a token
         * remained in a place before it; the place id when no activity follows it).
         */
        UNFINISHED;

        /** The name used in JSON: {@code skipped}, {@code not-in-model}, … */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A sentence a marketer understands. */
    public String explanation() {
        String where = after == null ? "at the start" : "after '" + after + "'";
        String often = cases + (cases == 1 ? " case" : " cases") + (occurrences != cases ? " (" + occurrences + " times)" : "");
        return switch (kind) {
            case SKIPPED -> "'" + activity + "' was skipped " + where + " in " + often;
            case INSERTED -> "'" + activity + "' happened " + where + " where the flow does not allow it, in " + often;
            case FORCED -> "'" + activity + "' happened " + where + " before the flow allowed it, in " + often;
            case NOT_IN_MODEL -> "'" + activity + "' is not part of the flow but happened " + where + " in " + often;
            case UNFINISHED -> "cases ended " + (after == null ? "at the start" : "after '" + after + "'")
                    + " while the flow still expected '" + activity + "', in " + often;
        };
    }
}
