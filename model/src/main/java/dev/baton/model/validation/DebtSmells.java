package dev.baton.model.validation;

import dev.baton.model.Component;
import dev.baton.model.GateMode;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.StageKind;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warnings: the model is usable, but it already declares orchestration debt — nobody or
 * everybody owns something, reviews without a clock, work crossing functions with no contract,
 * work with no definition of success, approval chains.
 */
final class DebtSmells implements ModelCheck {

    /** Sequential sign-offs beyond this are an approval chain. */
    static final int MAX_CHAIN = 2;

    @Override
    public void check(OperatingModel model, Problems problems) {
        components(model, problems);
        for (int i = 0; i < model.workTypes().size(); i++) {
            workType(model, model.workTypes().get(i), ModelCheck.at("work-types", i), problems);
        }
    }

    private void components(OperatingModel model, Problems problems) {
        Set<String> declared = new LinkedHashSet<>();
        for (int i = 0; i < model.components().size(); i++) {
            Component c = model.components().get(i);
            declared.add(c.id());
            String path = ModelCheck.at("components", i);
            if (c.owners().isEmpty() && !problems.sourceMap().contains(path + ".owner")) {
                problems.warning("component-owner", path + ".id", "component '" + c.id()
                        + "' has no owner: nobody is accountable for it");
            } else if (c.owners().size() > 1) {
                problems.warning("component-owner", path + ".owner", "component '" + c.id() + "' has "
                        + c.owners().size() + " owners (" + String.join(", ", c.owners())
                        + "): shared ownership is no ownership, pick one");
            }
        }
        List<String> missing = OperatingModel.CORE_COMPONENTS.stream().filter(id -> !declared.contains(id)).toList();
        if (!missing.isEmpty()) {
            problems.warning("core-component-missing", model.components().isEmpty() ? "" : "components",
                    "no owner is declared for " + String.join(", ", missing)
                            + ": add " + (missing.size() == 1 ? "it" : "them") + " to components with an owner");
        }
    }

    private void workType(OperatingModel model, WorkType w, String path, Problems problems) {
        if (w.id() == null) {
            return;
        }
        if (w.success().isEmpty()) {
            problems.warning("no-success-metric", path + ".id", "work type '" + w.id()
                    + "' is tied to no success metric: add the metrics it moves under success");
        }
        for (int j = 0; j < w.stages().size(); j++) {
            Stage s = w.stages().get(j);
            String sp = ModelCheck.at(path + ".stages", j);
            if (s.id() == null) {
                continue;
            }
            // An owner that was written but unreadable is an error already; don't also call it missing.
            if (s.owner() == null && !problems.sourceMap().contains(sp + ".owner")) {
                problems.warning("stage-owner", sp + ".id", "stage '" + s.id() + "' of " + w.id()
                        + " has no owner: work waiting there belongs to nobody");
            }
            if (s.kind() == StageKind.COORDINATION && s.sla() == null && !problems.sourceMap().contains(sp + ".sla")) {
                problems.warning("coordination-sla", sp + ".id", "coordination stage '" + s.id() + "' of " + w.id()
                        + " has no SLA: reviews and approvals without a clock drag on");
            }
            if (s.gate() != null && s.gate().mode() == GateMode.ALL && s.gate().approvers().size() > MAX_CHAIN) {
                problems.warning("long-approval-chain", sp + ".gate.approvers", "stage '" + s.id() + "' of " + w.id()
                        + " needs all of " + s.gate().approvers().size() + " approvers ("
                        + String.join(", ", s.gate().approvers()) + "): more than " + MAX_CHAIN
                        + " sign-offs is an approval chain");
            }
        }
        handoffs(model, w, path, problems);
    }

    /**
     * A forward stage change between owners of different functions is a handoff whether or not
     * it is declared; undeclared, it has no contract and no SLA. Rework edges going back are
     * bounce-backs, not handoffs, and skips inherit the contract of the stages they skip.
     */
    private void handoffs(OperatingModel model, WorkType w, String path, Problems problems) {
        List<StageChange> declaredEdges = new ArrayList<>();
        List<String> finals = w.finalStages();
        for (int j = 0; j + 1 < w.stages().size(); j++) {
            String from = w.stages().get(j).id();
            if (from != null && w.stages().get(j + 1).id() != null && !finals.contains(from)) {
                declaredEdges.add(new StageChange(w.stages().get(j).id(), w.stages().get(j + 1).id()));
            }
        }
        declaredEdges.addAll(w.transitions());
        List<Handoff> handoffs = model.handoffsOf(w.id());
        for (StageChange edge : declaredEdges) {
            int from = indexOf(w, edge.from());
            int to = indexOf(w, edge.to());
            if (from < 0 || to <= from) {
                continue;
            }
            Optional<String> fromFunction = ownerFunction(model, w.stages().get(from));
            Optional<String> toFunction = ownerFunction(model, w.stages().get(to));
            if (fromFunction.isEmpty() || toFunction.isEmpty() || fromFunction.equals(toFunction)) {
                continue;
            }
            if (handoffs.stream().noneMatch(h -> edge.equals(h.at()))) {
                problems.warning("missing-handoff", ModelCheck.at(path + ".stages", to) + ".owner",
                        "stage change " + edge + " of " + w.id() + " moves work from " + fromFunction.get() + " to "
                                + toFunction.get() + " with no declared handoff: add one under handoffs with what must be handed over");
            }
        }
    }

    private static int indexOf(WorkType w, String stageId) {
        if (stageId == null) {
            return -1;
        }
        for (int i = 0; i < w.stages().size(); i++) {
            if (stageId.equals(w.stages().get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> ownerFunction(OperatingModel model, Stage s) {
        return s.owner() == null ? Optional.empty() : model.functionOf(s.owner());
    }
}
