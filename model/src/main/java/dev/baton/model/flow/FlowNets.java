package dev.baton.model.flow;

import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a work type into the flow net that its event logs are replayed against. The net is a
 * state machine (every transition takes one token and gives one), so a case is always in exactly
 * one place, and it keeps silent transitions to the choices that need them:
 * <ul>
 *   <li>Places {@code source} and {@code sink}; per stage {@code s} one visible transition with id
 *       and label {@code s}, taking its token from the input place {@code in:s}.</li>
 *   <li>The ways out of {@code s} are its successors in {@link WorkType#stageChanges()} plus the
 *       end when {@code s} is one of {@link WorkType#finalStages()}. With exactly one way out the
 *       transition of {@code s} puts its token straight into {@code in:b} or {@code sink}. Otherwise
 *       it puts it into {@code out:s}, and one silent transition per way out moves it on:
 *       {@code tau:s->b} into {@code in:b}, {@code tau:s->end} into {@code sink}. A stage with no
 *       way out at all (a dead end the validator reports) also fills {@code out:s}, where the
 *       token stays stuck, so replay shows the dead end and the net is no workflow net.</li>
 *   <li>The start: when the first stage has no incoming change, its input place is the
 *       {@code source} itself; otherwise silent {@code tau:start} moves the token from the source
 *       to {@code in:first}.</li>
 *   <li>Skipping an optional first stage follows the rule {@code stageChanges()} uses for inner
 *       optional stages (every way in joined with every way out), with the start as the way in:
 *       for every stage {@code b} reached from the first stage through optional stages only,
 *       silent {@code tau:start->b} moves the token from the source to {@code in:b}. As for inner
 *       stages, skipping an optional final stage never creates a way to the end, so no net has
 *       an empty run from source to sink.</li>
 * </ul>
 * Only the work type's own stages count: changes and final stages naming unknown stages are
 * left out, as are stages without an id and repeated stage ids after the first. The validator
 * reports those, so compiling never throws on a model that failed validation.
 */
public final class FlowNets {

    static final String SOURCE = "source";
    static final String SINK = "sink";

    private FlowNets() {
    }

    /** The flow net of every work type that has stages, keyed by work type id in model order. */
    public static Map<String, FlowNet> compileAll(OperatingModel model) {
        Map<String, FlowNet> nets = new LinkedHashMap<>();
        for (WorkType workType : model.workTypes()) {
            if (!workType.stages().isEmpty() && workType.id() != null) {
                nets.putIfAbsent(workType.id(), compile(workType));
            }
        }
        return nets;
    }

    /** The flow net of one work type, named by its id. */
    public static FlowNet compile(WorkType workType) {
        return new Compilation(usable(workType)).net();
    }

    /** The work type without the stages and changes the net cannot name. */
    private static WorkType usable(WorkType w) {
        Set<String> ids = new HashSet<>();
        List<Stage> stages = w.stages().stream().filter(s -> s.id() != null && ids.add(s.id())).toList();
        List<StageChange> changes = w.transitions().stream()
                .filter(c -> ids.contains(c.from()) && ids.contains(c.to())).toList();
        List<String> done = w.done().stream().filter(ids::contains).toList();
        return new WorkType(w.id(), w.name(), w.parent(), w.template(), w.success(), stages, changes, done);
    }

    /** One compilation: the work type's graph, then the places and transitions it implies. */
    private static final class Compilation {

        private final WorkType workType;
        private final Map<String, Set<String>> successors = new LinkedHashMap<>();
        private final Set<String> finals;
        private final Set<String> entered = new HashSet<>();
        private final FlowNetBuilder net;

        Compilation(WorkType workType) {
            this.workType = workType;
            this.net = FlowNet.builder(workType.id());
            workType.stages().forEach(s -> successors.put(s.id(), new LinkedHashSet<>()));
            for (StageChange change : workType.stageChanges()) {
                if (successors.containsKey(change.from()) && successors.containsKey(change.to())) {
                    successors.get(change.from()).add(change.to());
                    entered.add(change.to());
                }
            }
            this.finals = new LinkedHashSet<>(workType.finalStages());
        }

        FlowNet net() {
            net.place(SOURCE);
            for (String s : successors.keySet()) {
                net.place(in(s));
                if (!direct(s)) {
                    net.place("out:" + s);
                }
            }
            net.place(SINK);
            workType.firstStage().map(Stage::id).ifPresent(this::start);
            successors.keySet().forEach(this::stage);
            return net.build(SOURCE, SINK);
        }

        private void start(String first) {
            for (String target : startTargets(first)) {
                if (!target.equals(first)) {
                    silent("tau:start->" + target, SOURCE, in(target));
                } else if (!in(first).equals(SOURCE)) {
                    silent("tau:start", SOURCE, in(first));
                }
            }
        }

        /** The first stage, and the stages reached from it through optional stages only. */
        private List<String> startTargets(String first) {
            List<String> targets = new ArrayList<>(List.of(first));
            for (int i = 0; i < targets.size(); i++) {
                String target = targets.get(i);
                if (workType.stage(target).map(Stage::optional).orElse(false)) {
                    successors.get(target).stream().filter(b -> !targets.contains(b)).forEach(targets::add);
                }
            }
            return targets;
        }

        private void stage(String s) {
            Set<String> next = successors.get(s);
            boolean last = finals.contains(s);
            if (direct(s)) {
                String to = next.isEmpty() ? SINK : in(next.iterator().next());
                transition(s, s, in(s), to);
                return;
            }
            String out = "out:" + s;
            transition(s, s, in(s), out);
            next.forEach(b -> silent("tau:" + s + "->" + b, out, in(b)));
            if (last) {
                silent("tau:" + s + "->end", out, SINK);
            }
        }

        /** Whether stage {@code s} has exactly one way out, so its transition needs no choice after it. */
        private boolean direct(String s) {
            int ways = successors.get(s).size() + (finals.contains(s) ? 1 : 0);
            return ways == 1;
        }

        /** The input place of a stage: the source itself for a first stage nothing returns to. */
        private String in(String s) {
            boolean first = workType.firstStage().map(Stage::id).filter(s::equals).isPresent();
            return first && !entered.contains(s) ? SOURCE : "in:" + s;
        }

        private void silent(String id, String from, String to) {
            transition(id, null, from, to);
        }

        /** Adds a transition, keeping ids unique even for odd stage ids like {@code tau:start}. */
        private void transition(String id, String label, String from, String to) {
            String unique = id;
            for (int n = 2; net.hasTransition(unique); n++) {
                unique = id + "#" + n;
            }
            net.transition(unique, label, List.of(from), List.of(to));
        }
    }
}
