package dev.baton.plan.schedule;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.score.calculator.EasyScoreCalculator;
import java.util.ArrayList;
import java.util.List;

/**
 * Timefold's view of a {@link Project} for {@link Method#TIMEFOLD}: one planning entity holding
 * every activity in a list variable, read as a priority order by the serial scheme. Timefold's list
 * moves (change, swap) reorder it; any order decodes to a schedule that keeps the precedences and
 * capacities, so the score only has to weigh deadlines (hard) and the makespan (soft). Public with
 * no-argument constructors because Timefold builds and clones these classes itself.
 */
@PlanningSolution
public class ActivityListPlan {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Activity> activities;

    @PlanningEntityCollectionProperty
    private List<Sequence> sequences;

    @PlanningScore
    private HardSoftScore score;

    /** Shared by every clone (an unannotated field is copied by reference): the decoder and its pass count. */
    private SerialSgs decoder;

    public ActivityListPlan() {
    }

    ActivityListPlan(SerialSgs decoder, int[] priorities) {
        this.decoder = decoder;
        this.activities = new ArrayList<>();
        for (int j = 0; j < decoder.project().size(); j++) {
            activities.add(new Activity(j));
        }
        Sequence sequence = new Sequence();
        for (int j : priorities) {
            sequence.order.add(activities.get(j));
        }
        this.sequences = List.of(sequence);
    }

    public HardSoftScore getScore() {
        return score;
    }

    /** The priority order as activity numbers. */
    int[] priorities() {
        return sequences.get(0).order.stream().mapToInt(a -> a.index).toArray();
    }

    /** A planning value: one activity of the project. */
    public static class Activity {
        private int index;

        public Activity() {
        }

        Activity(int index) {
            this.index = index;
        }

        @Override
        public String toString() {
            return "activity " + index;
        }
    }

    /** The one planning entity: all activities, in priority order. */
    @PlanningEntity
    public static class Sequence {
        @PlanningListVariable
        private List<Activity> order = new ArrayList<>();

        public Sequence() {
        }
    }

    /**
     * Score: decode the order with the serial scheme and justify it; hard = −(periods late past
     * deadlines), soft = −makespan. Activities Timefold has not placed yet go last, by number.
     */
    public static class MakespanScore implements EasyScoreCalculator<ActivityListPlan, HardSoftScore> {
        private int[] priorities;
        private int[] starts;
        private boolean[] listed;

        @Override
        public HardSoftScore calculateScore(ActivityListPlan plan) {
            SerialSgs sgs = plan.decoder;
            int n = sgs.project().size();
            if (starts == null || starts.length != n) {
                priorities = new int[n];
                starts = new int[n];
                listed = new boolean[n];
            }
            java.util.Arrays.fill(listed, false);
            int i = 0;
            for (Activity a : plan.sequences.get(0).order) {
                priorities[i++] = a.index;
                listed[a.index] = true;
            }
            for (int j = 0; i < n; j++) {
                if (!listed[j]) {
                    priorities[i++] = j;
                }
            }
            int makespan = sgs.justify(starts, sgs.decodePriorities(priorities, starts));
            return HardSoftScore.of(-sgs.lateness(), -makespan);
        }
    }
}
