package dev.baton.engine.item;

import dev.baton.engine.rights.Names;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One work type's flow, worked out once per model version: the allowed stage changes (listed
 * order, transitions and skips, as {@link WorkType#stageChanges()} derives them), the listed
 * order of stages (to tell rework from progress), the final stages and the template.
 */
record Flow(WorkType type, Template template, Set<StageChange> changes, Map<String, Integer> order,
            List<String> finals, Map<StageChange, Handoff> handoffs) {

    static Flow of(OperatingModel model, WorkType type) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < type.stages().size(); i++) {
            order.putIfAbsent(type.stages().get(i).id(), i);
        }
        Template template = type.template() == null ? null : model.template(type.template()).orElse(null);
        Map<StageChange, Handoff> handoffs = new LinkedHashMap<>();
        for (Handoff h : model.handoffsOf(type.id())) {
            if (h.at() != null) {
                handoffs.putIfAbsent(h.at(), h);
            }
        }
        return new Flow(type, template, new LinkedHashSet<>(type.stageChanges()), Map.copyOf(order),
                List.copyOf(type.finalStages()), handoffs);
    }

    Stage stage(String id) {
        Integer i = order.get(id);
        return i == null ? null : type.stages().get(i);
    }

    /** The handoff declared on this stage change, if any. */
    Optional<Handoff> handoff(String from, String to) {
        return Optional.ofNullable(handoffs.get(new StageChange(from, to)));
    }

    /** The handoffs declared out of a stage, in model order. */
    List<Handoff> handoffsFrom(String stage) {
        List<Handoff> out = new java.util.ArrayList<>(2);
        for (Handoff h : handoffs.values()) {
            if (h.at().from().equals(stage)) {
                out.add(h);
            }
        }
        return out;
    }

    boolean allows(String from, String to) {
        return changes.contains(new StageChange(from, to));
    }

    /** A move back in the listed stage order: rework. */
    boolean rework(String from, String to) {
        return order.getOrDefault(to, -1) < order.getOrDefault(from, -1);
    }

    /** The work type's name in the middle of a sentence: "This campaign is blocked". */
    String what() {
        return Names.lower(Names.workType(type));
    }

    String first() {
        return type.stages().get(0).id();
    }
}
