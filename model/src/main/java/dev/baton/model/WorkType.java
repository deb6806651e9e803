package dev.baton.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A unit of work (initiative, campaign, launch, asset...) and its flow. Stages run in the listed
 * order; {@code transitions} add extra edges such as rework; {@code done} names the final stages.
 */
public record WorkType(String id, String name, String parent, String template, List<String> success,
                       List<Stage> stages, List<StageChange> transitions, List<String> done) {

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> java.util.Objects.equals(s.id(), stageId)).findFirst();
    }

    /** The final stages: those named in {@code done}, or the last stage when none are named. */
    public List<String> finalStages() {
        if (!done.isEmpty() || stages.isEmpty() || stages.get(stages.size() - 1).id() == null) {
            return done;
        }
        return List.of(stages.get(stages.size() - 1).id());
    }

    /**
     * Every stage change the flow allows, in a stable order: the listed sequence (a final stage
     * does not fall through to the next one), the explicit transitions, and skips around
     * optional stages.
     */
    public List<StageChange> stageChanges() {
        Set<StageChange> edges = new LinkedHashSet<>();
        List<String> finals = finalStages();
        for (int i = 0; i + 1 < stages.size(); i++) {
            String from = stages.get(i).id();
            String to = stages.get(i + 1).id();
            // A stage without an id (already reported while reading) has no edges.
            if (from != null && to != null && !finals.contains(from)) {
                edges.add(new StageChange(from, to));
            }
        }
        edges.addAll(transitions);
        // A skip joins every way into an optional stage with every way out of it; repeat so that
        // consecutive optional stages can be skipped together.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Stage stage : stages) {
                if (!stage.optional() || stage.id() == null) {
                    continue;
                }
                List<StageChange> snapshot = new ArrayList<>(edges);
                for (StageChange in : snapshot) {
                    if (!in.to().equals(stage.id()) || in.from().equals(stage.id())) {
                        continue;
                    }
                    for (StageChange out : snapshot) {
                        if (out.from().equals(stage.id()) && !out.to().equals(stage.id())
                                && !out.to().equals(in.from())) {
                            grew |= edges.add(new StageChange(in.from(), out.to()));
                        }
                    }
                }
            }
        }
        return List.copyOf(edges);
    }

    /** Whether an optional first stage can be skipped at the start is modelled by the flow net. */
    public Optional<Stage> firstStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(0));
    }
}
