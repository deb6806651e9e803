package dev.baton.insight.learning;

import dev.baton.engine.approval.Gates;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.handoff.PendingHandoff;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.rights.Names;
import dev.baton.insight.debt.SlaClock;
import dev.baton.insight.learning.PostMortemFacts.Fact;
import dev.baton.model.Gate;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkDuration;
import dev.baton.model.WorkType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One item's history folded into the facts of its post-mortem. Its state is the engine's own fold
 * ({@link WorkItem}); a stage visit's SLA clock stops where the debt report's and the weekly
 * report's do ({@link SlaClock}), a handoff's runs from its last send to its acceptance, and an
 * approval wait runs from the request (or from entering the gated stage, when nobody asked) until
 * the gate is satisfied or someone denies. Each event is judged against the model version it ran
 * under.
 */
final class ItemFacts {

    private final IntFunction<OperatingModel> models;
    private final OperatingModel current;
    /** The reviewed item, when this is an item under it: its facts then name the item they are about. */
    private final WorkItem reviewed;
    private WorkItem state;
    private OperatingModel model;
    private Instant visitStart;
    private boolean workDone;
    private Instant waitStart;
    private Instant completedAt;

    final List<Fact> slaOverruns = new ArrayList<>();
    final List<Fact> rework = new ArrayList<>();
    final List<Fact> approvalWaits = new ArrayList<>();
    final List<Fact> rejectedHandoffs = new ArrayList<>();

    ItemFacts(IntFunction<OperatingModel> models, OperatingModel current, WorkItem reviewed) {
        this.models = models;
        this.current = current;
        this.reviewed = reviewed;
    }

    WorkItem state() {
        return state;
    }

    OperatingModel model() {
        return model;
    }

    /** When it was last completed; null while it is open. */
    Instant completedAt() {
        return state != null && state.completed() ? completedAt : null;
    }

    void accept(RecordedEvent e) {
        if (state == null) {
            state = WorkItem.created(e);
            if (state != null) {
                model = modelOf(e);
                visitStart = e.at();
            }
            return;
        }
        model = modelOf(e);
        Object event = e.event();
        before(e, event);
        state = state.apply(e);
        after(e, event);
    }

    /** What the event ends, judged on the state before it: a stage visit's work, a pending handoff, a wait. */
    private void before(RecordedEvent e, Object event) {
        if (SlaClock.stopsStageClock(event) && !workDone) {
            workDone = true;
            Stage stage = stage(state.stage());
            WorkDuration sla = stage == null ? null : stage.sla();
            long took = millis(visitStart, e.at());
            if (sla != null && took > sla.value().toMillis()) {
                slaOverruns.add(fact(state.stage(), e.at(), took - sla.value().toMillis(), stageName(state.stage()) + " took "
                        + SlaClock.duration(took) + " against its SLA of " + sla.text() + " ("
                        + SlaClock.duration(took - sla.value().toMillis()) + " over)", null));
            }
        }
        PendingHandoff pending = state.pendingHandoff();
        if (event instanceof HandoffAccepted && pending != null) {
            WorkDuration sla = handoffSla(pending);
            long took = millis(pending.sentAt(), e.at());
            if (sla != null && took > sla.value().toMillis()) {
                slaOverruns.add(fact(pending.fromStage(), e.at(), took - sla.value().toMillis(), "The " + handoff(pending)
                        + " was accepted " + SlaClock.duration(took) + " after it was sent, against its SLA of " + sla.text()
                        + " (" + SlaClock.duration(took - sla.value().toMillis()) + " over)", null));
            }
        }
        if (event instanceof HandoffRejected r) {
            String route = pending != null ? handoff(pending) : "handoff from " + stageName(r.fromStage()) + " to "
                    + stageName(r.toStage());
            rejectedHandoffs.add(fact(r.fromStage(), e.at(), pending == null ? 0 : millis(pending.sentAt(), e.at()),
                    "The " + route + " was rejected by " + who(e.actor()), blank(r.reason())));
        }
        if (event instanceof ApprovalDenied d) {
            long waited = waitStart == null ? 0 : millis(waitStart, e.at());
            approvalWaits.add(fact(d.stage(), e.at(), waited, stageName(d.stage()) + " was denied by " + who(e.actor())
                    + (waitStart == null ? "" : " after waiting " + SlaClock.duration(waited)), blank(d.comment())));
            waitStart = null;
        }
    }

    /** What the event starts, on the state after it. */
    private void after(RecordedEvent e, Object event) {
        if (event instanceof StageEntered s) {
            newVisit(e.at());
            if (s.rework()) {
                rework.add(fact(s.from(), e.at(), 0, "Sent back from " + stageName(s.from()) + " to " + stageName(s.to())
                        + " by " + who(e.actor()), null));
            }
        } else if (event instanceof ItemReopened r) {
            newVisit(e.at());
            rework.add(fact(r.stage(), e.at(), 0, "Reopened in " + stageName(state.stage()) + " by " + who(e.actor()),
                    blank(r.reason())));
        } else if (event instanceof ItemMigrated m && m.toStage() != null && !m.toStage().equals(m.fromStage())) {
            newVisit(e.at());
        } else if (event instanceof ApprovalRequested) {
            waitStart = e.at();
        } else if (event instanceof ApprovalGranted g) {
            Gate gate = gate(g.stage());
            if (gate != null && Gates.satisfied(gate, state.approvals()) && waitStart != null) {
                long waited = millis(waitStart, e.at());
                approvalWaits.add(fact(g.stage(), e.at(), waited, stageName(g.stage()) + " waited "
                        + SlaClock.duration(waited) + " for approval, until " + who(e.actor()) + " approved", null));
                waitStart = null;
            }
        } else if (event instanceof ItemCompleted) {
            completedAt = e.at();
        }
    }

    private void newVisit(Instant at) {
        visitStart = at;
        workDone = false;
        // a gated stage's wait runs from entering it until someone asks or approves
        waitStart = gate(state.stage()) != null ? at : null;
    }

    private Fact fact(String stage, Instant at, long millis, String sentence, String detail) {
        String about = reviewed == null ? sentence : state.title() + ": " + sentence;
        return new Fact(state.id().value(), state.title(), stage, at, millis, about, detail);
    }

    private WorkType type() {
        return model.workType(state.workType()).orElse(null);
    }

    private Stage stage(String id) {
        WorkType type = type();
        return type == null || id == null ? null : type.stage(id).orElse(null);
    }

    private Gate gate(String stageId) {
        Stage s = stage(stageId);
        return s == null ? null : s.gate();
    }

    private WorkDuration handoffSla(PendingHandoff pending) {
        StageChange at = new StageChange(pending.fromStage(), pending.toStage());
        return model.handoffsOf(state.workType()).stream().filter(h -> at.equals(h.at())).findFirst()
                .map(Handoff::sla).orElse(null);
    }

    private String stageName(String id) {
        WorkType type = type();
        return id == null ? "its stage" : type == null ? Names.words(id) : Names.stage(type, id);
    }

    private String handoff(PendingHandoff p) {
        return "handoff from " + stageName(p.fromStage()) + " to " + stageName(p.toStage()) + " ("
                + Names.party(model, p.fromFunction()) + " → " + Names.party(model, p.toFunction()) + ")";
    }

    private String who(String actor) {
        return actor == null ? "someone" : "baton".equals(actor) ? "Baton" : Names.person(model, actor);
    }

    private OperatingModel modelOf(RecordedEvent e) {
        OperatingModel m = e.modelVersion() > 0 ? models.apply(e.modelVersion()) : null;
        return m != null ? m : current;
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
