package dev.baton.measure.outcome;

/**
 * What a CRM value (a lead status, a lifecycle stage, an opportunity or deal stage) means in the
 * funnel: a stage reached (its index in {@link FunnelStages}), an opportunity lost, or a lead that
 * sales rejected back.
 *
 * @param index  the stage reached; for {@code LOST} the opportunity stage, for {@code REJECTED} the
 *               stage handed over (the lead reached it before sales sent it back)
 */
public record StageRef(Kind kind, int index, boolean won) {

    public enum Kind { REACHED, LOST, REJECTED }

    public static StageRef reached(int index, boolean won) {
        return new StageRef(Kind.REACHED, index, won);
    }

    public boolean lost() {
        return kind == Kind.LOST;
    }

    public boolean rejected() {
        return kind == Kind.REJECTED;
    }

    /** Won or lost: the opportunity has an outcome. */
    public boolean closed() {
        return won || kind == Kind.LOST;
    }
}
