package dev.baton.model.flow;

import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.StageKind;
import dev.baton.model.WorkType;

import java.util.Arrays;
import java.util.List;

/** Work types written the short way, as a model author would list them. */
final class WorkTypes {

    private WorkTypes() {
    }

    static Stage stage(String id) {
        return new Stage(id, id, StageKind.MAKING, null, null, List.of(), null, null, false);
    }

    static Stage optional(String id) {
        return new Stage(id, id, StageKind.COORDINATION, null, null, List.of(), null, null, true);
    }

    /** A work type whose {@code changes} are written {@code "review -> build"}. */
    static WorkType workType(String id, List<Stage> stages, List<String> changes, List<String> done) {
        List<StageChange> transitions = changes.stream()
                .map(c -> Arrays.stream(c.split("->")).map(String::trim).toList())
                .map(ends -> new StageChange(ends.get(0), ends.get(1)))
                .toList();
        return new WorkType(id, id, null, null, List.of(), stages, transitions, done);
    }

    static WorkType sequence(String id, String... stageIds) {
        return workType(id, Arrays.stream(stageIds).map(WorkTypes::stage).toList(), List.of(), List.of());
    }
}
