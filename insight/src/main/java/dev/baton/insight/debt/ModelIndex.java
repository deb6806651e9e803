package dev.baton.insight.debt;

import dev.baton.model.BusinessFunction;
import dev.baton.model.Field;
import dev.baton.model.Handoff;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.Team;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lookups the analysis makes for every event, computed once from the model. */
final class ModelIndex {

    final OperatingModel model;
    final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, String> teamOfPerson = new HashMap<>();
    private final Map<String, Party> parties = new HashMap<>();
    final Set<String> intakeWorkTypes = new HashSet<>();

    ModelIndex(OperatingModel model) {
        this.model = model;
        for (BusinessFunction f : model.functions()) {
            parties.putIfAbsent(f.id(), f);
        }
        for (Team t : model.teams()) {
            parties.putIfAbsent(t.id(), t);
            for (String member : t.members()) {
                teamOfPerson.putIfAbsent(member, t.id());
            }
        }
        for (Person p : model.people()) {
            parties.putIfAbsent(p.id(), p);
        }
        for (WorkType w : model.workTypes()) {
            if (w.id() != null && !flows.containsKey(w.id())) {
                flows.put(w.id(), new Flow(this, w));
            }
        }
        for (IntakeForm form : model.intake().forms()) {
            if (form.workType() != null) {
                intakeWorkTypes.add(form.workType());
            }
        }
    }

    Flow flow(String workType) {
        return workType == null ? null : flows.get(workType);
    }

    Party party(String id) {
        return id == null ? null : parties.get(id);
    }

    boolean isPerson(String id) {
        return party(id) instanceof Person;
    }

    String functionOf(String partyId) {
        Party p = party(partyId);
        return p == null ? null : p.functionId();
    }

    String teamOf(String partyId) {
        Party p = party(partyId);
        if (p instanceof Team t) {
            return t.id();
        }
        return p instanceof Person ? teamOfPerson.get(partyId) : null;
    }

    /** One work type's flow with its stages by id and the changes it allows. */
    static final class Flow {
        final WorkType workType;
        final Map<String, Stage> stages = new LinkedHashMap<>();
        final Map<String, Integer> order = new HashMap<>();
        final Set<StageChange> allowed;
        final Set<String> finals;
        final Set<String> starts = new HashSet<>();
        final Map<StageChange, Handoff> handoffs = new HashMap<>();
        final List<String> requiredFields;
        final List<String> metricFields;

        Flow(ModelIndex index, WorkType w) {
            this.workType = w;
            for (Stage s : w.stages()) {
                if (s.id() != null && !stages.containsKey(s.id())) {
                    order.put(s.id(), stages.size());
                    stages.put(s.id(), s);
                }
            }
            this.allowed = new HashSet<>(w.stageChanges());
            this.finals = new HashSet<>(w.finalStages());
            // Where a case may start: the first stage, and past optional first stages.
            List<Stage> listed = List.copyOf(stages.values());
            for (Stage s : listed) {
                starts.add(s.id());
                if (!s.optional()) {
                    break;
                }
            }
            for (Handoff h : index.model.handoffsOf(w.id())) {
                if (h.at() != null) {
                    handoffs.putIfAbsent(h.at(), h);
                }
            }
            Template template = w.template() == null ? null : index.model.template(w.template()).orElse(null);
            this.requiredFields = template == null ? List.of()
                    : template.fields().stream().filter(Field::required).map(Field::id).distinct().toList();
            this.metricFields = GoalLinks.metricFields(index.model, w).stream().distinct().toList();
        }

        Stage stage(String id) {
            return id == null ? null : stages.get(id);
        }

        int indexOf(String stage) {
            return stage == null ? -1 : order.getOrDefault(stage, -1);
        }

        /** The owner party of a stage (its owner, else its driver), or null. */
        String ownerOf(String stage) {
            Stage s = stage(stage);
            if (s == null) {
                return null;
            }
            return s.owner() != null ? s.owner() : s.decision() == null ? null : s.decision().driver();
        }
    }
}
