package dev.baton.model.show;

import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One work type's stages and stage changes, read leniently and classified the way a reader of
 * the map thinks about them: the next stage in the listed order, a skip forward, or rework
 * (back to an earlier stage). A stage without an id is called {@code ?N} after its position, so
 * that it still shows up on the map.
 */
final class Flow {

    /** How a stage change relates to the listed order of the stages. */
    enum Step {
        /** To the next listed stage. */
        NEXT,
        /** Forward past one or more stages (around optional ones, or a declared shortcut). */
        SKIP,
        /** Back to an earlier stage, or to the same one: work is redone. */
        REWORK,
        /** From or to a stage the work type does not declare. */
        UNKNOWN
    }

    private final WorkType workType;
    private final List<Stage> stages;
    private final List<String> ids;

    Flow(WorkType workType) {
        List<Stage> given = Lenient.list(workType.stages());
        List<Stage> named = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Stage s = given.get(i);
            named.add(s.id() != null ? s : new Stage("?" + (i + 1), s.name(), s.kind(), s.owner(), s.decision(),
                    s.exit(), s.gate(), s.sla(), s.optional()));
        }
        this.stages = List.copyOf(named);
        this.ids = stages.stream().map(Stage::id).toList();
        // A copy without nulls, so that the model's own flow rules (WorkType.stageChanges) apply.
        this.workType = new WorkType(workType.id(), workType.name(), workType.parent(), workType.template(),
                Lenient.list(workType.success()), stages,
                Lenient.list(workType.transitions()).stream()
                        .filter(t -> t.from() != null && t.to() != null).toList(),
                Lenient.list(workType.done()));
    }

    String id() {
        return Lenient.or(workType.id(), "?");
    }

    /** "launch (Product launch)", or just the id when the name says nothing more. */
    String title() {
        String name = workType.name();
        return name == null || name.isBlank() || name.equals(workType.id()) ? id() : id() + " (" + name + ")";
    }

    List<Stage> stages() {
        return stages;
    }

    List<StageChange> changes() {
        return workType.stageChanges();
    }

    List<String> finals() {
        return workType.finalStages();
    }

    boolean isFinal(String stageId) {
        return finals().contains(stageId);
    }

    /** Position of a stage in the listed order, or -1 when the work type does not declare it. */
    int index(String stageId) {
        return ids.indexOf(stageId);
    }

    Step step(StageChange change) {
        int from = index(change.from());
        int to = index(change.to());
        if (from < 0 || to < 0) {
            return Step.UNKNOWN;
        }
        if (to <= from) {
            return Step.REWORK;
        }
        return to == from + 1 ? Step.NEXT : Step.SKIP;
    }

    /** The stages a new item may start in: the first one, and past it while stages are optional. */
    List<String> entries() {
        List<String> entries = new ArrayList<>();
        for (Stage stage : stages) {
            entries.add(stage.id());
            if (!stage.optional()) {
                break;
            }
        }
        return entries;
    }

    /** The stage changes leaving a stage, in flow order. */
    List<StageChange> from(String stageId) {
        return changes().stream().filter(c -> Objects.equals(c.from(), stageId)).toList();
    }
}
