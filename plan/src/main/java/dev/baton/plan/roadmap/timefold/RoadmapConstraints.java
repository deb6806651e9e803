package dev.baton.plan.roadmap.timefold;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The roadmap's rules. Hard: capacity per function and quarter (overflow in person-days; quarters
 * beyond the plan have none), dependencies (a placed initiative whose prerequisite is not placed
 * or has not ended), the earliest quarter, hard deadlines (quarters late). Medium: the value left
 * unplanned. Soft: cost of delay (value × quarters after its earliest), soft deadlines (value ×
 * quarters late), theme balance (the square of each theme's count in a start quarter, so that
 * themes spread) and stability (a placement that differs from the published plan).
 */
public class RoadmapConstraints implements ConstraintProvider {

    /** Soft weight of one moved initiative: a value of 10 delayed by half a quarter. */
    static final long STABILITY = 500;
    /** Soft weight of theme crowding: small beside value, it only breaks ties. */
    static final long THEME = 10;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                capacity(factory), dependency(factory), earliest(factory), hardDeadline(factory),
                unplannedValue(factory), costOfDelay(factory), softDeadline(factory), themeBalance(factory),
                stability(factory)
        };
    }

    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .flattenLast(Placement::loads)
                .groupBy(Load::function, Load::quarter, sum(Load::days))
                .join(Room.class, Joiners.equal((f, q, d) -> f, Room::function), Joiners.equal((f, q, d) -> q, Room::quarter))
                .filter((f, q, d, room) -> d > room.days())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (f, q, d, room) -> d - room.days())
                .asConstraint("capacity");
    }

    Constraint dependency(ConstraintFactory factory) {
        return factory.forEach(Dependency.class)
                .join(Placement.class, Joiners.equal(Dependency::dependent, Placement::getId))
                .join(factory.forEachIncludingUnassigned(Placement.class),
                        Joiners.equal((dep, p) -> dep.prerequisite(), Placement::getId))
                .filter((dep, p, pre) -> !pre.planned() || pre.endIndex() >= p.startIndex())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (dep, p, pre) -> pre.planned() ? pre.endIndex() - p.startIndex() + 1 : 1)
                .asConstraint("dependency");
    }

    Constraint earliest(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(p -> p.startIndex() < p.getEarliest())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, p -> p.getEarliest() - p.startIndex())
                .asConstraint("earliest quarter");
    }

    Constraint hardDeadline(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(p -> p.getHardDeadline() != Placement.NONE && p.endIndex() > p.getHardDeadline())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, p -> p.endIndex() - p.getHardDeadline())
                .asConstraint("hard deadline");
    }

    Constraint unplannedValue(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Placement.class)
                .filter(p -> !p.planned())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Placement::getValue)
                .asConstraint("value left unplanned");
    }

    Constraint costOfDelay(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(p -> p.startIndex() > p.getEarliest())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, p -> p.getValue() * (p.startIndex() - p.getEarliest()))
                .asConstraint("cost of delay");
    }

    Constraint softDeadline(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(p -> p.getSoftDeadline() != Placement.NONE && p.endIndex() > p.getSoftDeadline())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, p -> p.getValue() * (p.endIndex() - p.getSoftDeadline()))
                .asConstraint("soft deadline");
    }

    Constraint themeBalance(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .groupBy(Placement::getStart, Placement::getTheme, count())
                .filter((slot, theme, n) -> n > 1)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (slot, theme, n) -> THEME * (long) n * n)
                .asConstraint("theme balance");
    }

    Constraint stability(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Placement.class)
                .filter(p -> p.getPublished() != Placement.NONE && p.startIndex() != p.getPublished())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, p -> STABILITY)
                .asConstraint("stability");
    }
}
