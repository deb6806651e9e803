package dev.baton.plan.roadmap.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/** The roadmap as Timefold sees it: placements, start quarters, rooms and dependencies. */
@PlanningSolution
public class RoadmapSolution {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Slot> slots;
    @ProblemFactCollectionProperty
    private List<Room> rooms;
    @ProblemFactCollectionProperty
    private List<Dependency> dependencies;
    @PlanningEntityCollectionProperty
    private List<Placement> placements;
    @PlanningScore
    private HardMediumSoftLongScore score;

    public RoadmapSolution() {
    }

    public RoadmapSolution(List<Slot> slots, List<Room> rooms, List<Dependency> dependencies, List<Placement> placements) {
        this.slots = slots;
        this.rooms = rooms;
        this.dependencies = dependencies;
        this.placements = placements;
    }

    public List<Slot> getSlots() {
        return slots;
    }

    public List<Room> getRooms() {
        return rooms;
    }

    public List<Dependency> getDependencies() {
        return dependencies;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
