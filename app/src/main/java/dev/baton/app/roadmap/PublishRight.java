package dev.baton.app.roadmap;

import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Rights;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may publish the roadmap. Sequencing initiatives decides what the team starts, so the right
 * is the model's own: the approver of the first decision in the flow of each top-level work type
 * (the one who says yes to starting such work). Top-level work types are those other work types
 * name as their parent and that have no parent themselves; a model without such a hierarchy gives
 * the right to the approvers of the first decision of every work type.
 */
public record PublishRight(List<Holder> holders) {

    /** One approver and where the model gives them the right. */
    public record Holder(String party, String name, String where) {
    }

    /** The top-level work types of the model: parents of other types, without a parent of their own. */
    public static List<WorkType> roots(OperatingModel model) {
        return model.workTypes().stream().filter(w -> w.parent() == null && w.id() != null
                && model.workTypes().stream().anyMatch(c -> w.id().equals(c.parent()))).toList();
    }

    public static PublishRight of(OperatingModel model) {
        List<WorkType> types = roots(model).isEmpty() ? model.workTypes() : roots(model);
        List<Holder> holders = new ArrayList<>();
        for (WorkType w : types) {
            w.stages().stream().filter(s -> s.decision() != null && s.decision().approver() != null).findFirst()
                    .ifPresent(s -> holders.add(new Holder(s.decision().approver(), Names.party(model, s.decision().approver()),
                            "approver of " + stageName(w, s) + " of " + Names.workType(w))));
        }
        return new PublishRight(List.copyOf(holders));
    }

    private static String stageName(WorkType w, Stage s) {
        return Names.stage(w, s.id());
    }

    /** The first holding the person has, or null. */
    public Holder heldBy(Rights rights, String personId) {
        return holders.stream().filter(h -> rights.holds(personId, h.party())).findFirst().orElse(null);
    }

    /** The right in one sentence, for a refusal and for the page. */
    public String sentence() {
        if (holders.isEmpty()) {
            return "Publishing the roadmap needs the decision right on starting top-level work, and the operating model "
                    + "names no approver for any work type: add a decision with an approver to the first stage of one.";
        }
        return "Publishing the roadmap is a decision for the " + Names.or(holders.stream()
                .map(h -> h.where() + " (" + h.name() + ")").distinct().toList()) + ".";
    }
}
