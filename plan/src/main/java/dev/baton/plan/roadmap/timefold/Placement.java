package dev.baton.plan.roadmap.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * One initiative and the quarter it starts in; no start means it is not planned. Its facts are
 * copied in so that constraints read them without a lookup: value in hundredths, effort per
 * function per quarter offset, earliest start, last quarter of a hard deadline (or none), the
 * published start (or none), the theme.
 */
@PlanningEntity
public class Placement {

    public static final int NONE = Integer.MIN_VALUE;

    @PlanningId
    private String id;
    private long value;
    private int[][] effort;
    private int length;
    private int earliest;
    private int hardDeadline;
    private int softDeadline;
    private int published;
    private String theme;
    @PlanningPin
    private boolean pinned;
    private List<Load>[] loadsByStart;
    @PlanningVariable(allowsUnassigned = true)
    private Slot start;

    public Placement() {
    }

    public Placement(String id, long value, int[][] effort, int length, int earliest, int hardDeadline,
                     int softDeadline, int published, String theme, boolean pinned, Slot start) {
        this.id = id;
        this.value = value;
        this.effort = effort;
        this.length = length;
        this.earliest = earliest;
        this.hardDeadline = hardDeadline;
        this.softDeadline = softDeadline;
        this.published = published;
        this.theme = theme;
        this.pinned = pinned;
        this.start = start;
    }

    public String getId() {
        return id;
    }

    public long getValue() {
        return value;
    }

    public int getEarliest() {
        return earliest;
    }

    public int getHardDeadline() {
        return hardDeadline;
    }

    public int getSoftDeadline() {
        return softDeadline;
    }

    public int getPublished() {
        return published;
    }

    public String getTheme() {
        return theme;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Slot getStart() {
        return start;
    }

    public void setStart(Slot start) {
        this.start = start;
    }

    public boolean planned() {
        return start != null;
    }

    public int startIndex() {
        return start == null ? NONE : start.index();
    }

    public int endIndex() {
        return start == null ? NONE : start.index() + length - 1;
    }

    /**
     * The person-days it uses per function and quarter where it is placed. The lists are built
     * once per start (the capacity constraint asks on every move; allocating them each time was
     * a large share of the search's time).
     */
    public List<Load> loads() {
        if (start == null) {
            return List.of();
        }
        int s = start.index();
        if (loadsByStart == null || s >= loadsByStart.length) {
            loadsByStart = java.util.Arrays.copyOf(loadsByStart == null ? new List[0] : loadsByStart, s + 1);
        }
        if (loadsByStart[s] == null) {
            List<Load> loads = new ArrayList<>();
            for (int f = 0; f < effort.length; f++) {
                for (int k = 0; k < effort[f].length; k++) {
                    if (effort[f][k] > 0) {
                        loads.add(new Load(f, s + k, effort[f][k]));
                    }
                }
            }
            loadsByStart[s] = List.copyOf(loads);
        }
        return loadsByStart[s];
    }

    @Override
    public String toString() {
        return id + "@" + (start == null ? "-" : start.index());
    }
}
