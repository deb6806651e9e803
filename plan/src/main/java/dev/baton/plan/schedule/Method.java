package dev.baton.plan.schedule;

/** The named variants of {@link Scheduling#solve}. */
public enum Method {
    /**
     * Every {@link PriorityRule} through the serial scheme, each schedule justified
     * (forward-backward improvement); the best one. Deterministic, a few dozen schedules.
     */
    SGS,
    /**
     * A genetic algorithm on activity lists (Hartmann 1998's two-point crossover, shift mutation),
     * each child decoded by the serial scheme and justified, the justified order written back into
     * the child (Valls et al. 2008). The default: see docs/adr/0007.
     */
    GENETIC,
    /**
     * Timefold Solver local search (late acceptance) on one list variable holding the activities
     * in priority order, scored by decoding that list with the serial scheme and justifying it.
     */
    TIMEFOLD
}
