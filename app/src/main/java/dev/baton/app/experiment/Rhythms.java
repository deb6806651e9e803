package dev.baton.app.experiment;

import dev.baton.engine.Engine;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.experiment.ExperimentRhythm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Team;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rhythm of the server's experiments: {@link ExperimentRhythm} over the streams of the items of
 * every experiment work type (one whose template has a {@code hypothesis} field), teams from the
 * current model's team memberships. The final stages of those work types other than
 * {@code decided} (the example's {@code stopped}) are where an experiment ends without a decision.
 */
@Component
public class Rhythms {

    public static final String RUNNING = "running";
    public static final String DECIDED = "decided";
    public static final String OWNER_FIELD = "experiment-owner";

    private final Engine engine;
    private final ModelVersions versions;

    Rhythms(Engine engine, ModelVersions versions) {
        this.engine = engine;
        this.versions = versions;
    }

    /** Whether a work type of the model is an experiment. */
    public static boolean isExperiment(OperatingModel model, String workType) {
        return model.workType(workType).map(w -> isExperiment(model, w)).orElse(false);
    }

    static boolean isExperiment(OperatingModel model, WorkType w) {
        return w.template() != null && model.template(w.template())
                .map(t -> t.fields().stream().anyMatch(f -> "hypothesis".equals(f.id()))).orElse(false);
    }

    public ExperimentRhythm.Rhythm measure() {
        OperatingModel model = versions.current().map(v -> v.model()).orElse(null);
        if (model == null) {
            return ExperimentRhythm.measure(List.of(), rules(Map.of(), Set.of()));
        }
        Set<String> types = model.workTypes().stream().filter(w -> isExperiment(model, w)).map(WorkType::id)
                .collect(Collectors.toSet());
        List<List<RecordedEvent>> streams = new ArrayList<>();
        for (String type : types) {
            engine.items(new ItemFilter(type, null, null, null, null, null))
                    .forEach(item -> streams.add(engine.history(item.id())));
        }
        Map<String, String> teams = new HashMap<>();
        for (Team t : model.teams()) {
            for (String member : t.members()) {
                teams.putIfAbsent(member, t.name() == null ? t.id() : t.name());
            }
        }
        Set<String> stops = model.workTypes().stream().filter(w -> types.contains(w.id()))
                .flatMap(w -> w.finalStages().stream()).filter(s -> !DECIDED.equals(s))
                .collect(Collectors.toSet());
        return ExperimentRhythm.measure(streams, rules(teams, stops));
    }

    private static ExperimentRhythm.Rules rules(Map<String, String> teams, Set<String> stops) {
        return new ExperimentRhythm.Rules(RUNNING, DECIDED, OWNER_FIELD, teams::get, stops);
    }
}
