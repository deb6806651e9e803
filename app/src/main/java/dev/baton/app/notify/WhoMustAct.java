package dev.baton.app.notify;

import dev.baton.engine.approval.Gates;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.handoff.PendingHandoff;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Rights;
import dev.baton.insight.debt.SlaClock;
import dev.baton.insight.weekly.SlaRisk;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkDuration;
import dev.baton.model.WorkType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Who must act on what: a pure decision, like the engine's deciders (no clock, no storage). From an
 * event: the approvers an approval waits on, the receiving function of a handoff, the people a
 * comment mentions. From an item's state at an instant: whoever must finish a stage or accept a
 * handoff whose SLA is about to breach ({@link SlaRisk}, the weekly report's rule). The person who
 * caused an event is not told of it, and an approval or handoff already answered is not news.
 */
final class WhoMustAct {

    private WhoMustAct() {
    }

    /**
     * The notifications of an event.
     *
     * @param now    the item as it is now (null when unknown): what was answered since is left out
     * @param person a user name or person id to the person it names, or null
     */
    static List<Notification> of(RecordedEvent e, OperatingModel model, WorkItem now, Function<String, String> person) {
        String source = "event:" + e.position();
        String title = now == null ? e.stream() : now.title();
        String actor = Names.person(model, e.actor());
        WorkType type = model.workType(e.workType()).orElse(null);
        List<Notification> told = new ArrayList<>();
        if (e.event() instanceof ApprovalRequested r) {
            Stage stage = type == null ? null : type.stage(r.stage()).orElse(null);
            List<String> waitingOn = r.approvers();
            if (now != null) {
                if (now.completed() || !r.stage().equals(now.stage())) {
                    return told;
                }
                waitingOn = stage == null || stage.gate() == null ? r.approvers() : Gates.waitingOn(stage.gate(), now.approvals());
            }
            String text = actor + " asks for your approval at " + (type == null ? r.stage() : Names.stage(type, r.stage()));
            for (String p : holders(model, waitingOn)) {
                told.add(new Notification(source, p, "approval", e.stream(), title, text, null, e.at()));
            }
        } else if (e.event() instanceof HandoffSent h) {
            if (now != null && now.pendingHandoff() == null) {
                return told;
            }
            String text = actor + " handed this over to " + Names.party(model, h.toFunction()) + " for "
                    + (type == null ? h.toStage() : Names.stage(type, h.toStage())) + ": accept it or send it back";
            for (String p : holders(model, List.of(h.toFunction()))) {
                told.add(new Notification(source, p, "handoff", e.stream(), title, text, null, e.at()));
            }
        } else if (e.event() instanceof CommentAdded c) {
            for (String p : Mentions.in(c.text(), person)) {
                told.add(new Notification(source, p, "mention", e.stream(), title, actor + " mentioned you in a comment",
                        c.text(), e.at()));
            }
        }
        told.removeIf(n -> n.recipient().equals(e.actor()));
        return told;
    }

    /**
     * The SLAs of an open item about to breach at {@code at}: its stage's (until its work is done, at
     * the first handoff sent) and its pending handoff's. Told to the item's owner, else whoever owns
     * or drives the stage; a handoff's, to the receiving function.
     */
    static List<Notification> slasAtRisk(WorkItem item, OperatingModel model, Instant at) {
        List<Notification> told = new ArrayList<>();
        WorkType type = model.workType(item.workType()).orElse(null);
        if (item.completed() || type == null) {
            return told;
        }
        Stage stage = type.stage(item.stage()).orElse(null);
        PendingHandoff pending = item.pendingHandoff();
        String id = item.id().value();
        if (pending == null && stage != null && stage.sla() != null && item.stageEnteredAt() != null
                && SlaRisk.atRisk(item.stageEnteredAt(), stage.sla().value(), at)) {
            Collection<String> who = item.owner() != null && model.people().stream().anyMatch(p -> p.id().equals(item.owner()))
                    ? List.of(item.owner())
                    : holders(model, stage.owner() != null ? List.of(stage.owner())
                    : stage.decision() != null && stage.decision().driver() != null ? List.of(stage.decision().driver()) : List.of());
            String text = Names.stage(type, stage.id()) + " has " + left(item.stageEnteredAt(), stage.sla(), at)
                    + " left of its SLA of " + stage.sla().text();
            for (String p : who) {
                told.add(new Notification("sla:" + id + ":" + stage.id() + ":" + item.stageEnteredAt().toEpochMilli(), p,
                        "sla", id, item.title(), text, null, item.stageEnteredAt().plus(stage.sla().value())));
            }
        }
        WorkDuration handoffSla = pending == null ? null : model.handoffsOf(item.workType()).stream()
                .filter(h -> new StageChange(pending.fromStage(), pending.toStage()).equals(h.at()))
                .findFirst().map(Handoff::sla).orElse(null);
        if (handoffSla != null && SlaRisk.atRisk(pending.sentAt(), handoffSla.value(), at)) {
            String text = "The handoff to " + Names.stage(type, pending.toStage()) + " has "
                    + left(pending.sentAt(), handoffSla, at) + " left of its SLA of " + handoffSla.text();
            for (String p : holders(model, List.of(pending.toFunction()))) {
                told.add(new Notification("sla:" + id + ":handoff:" + pending.sentAt().toEpochMilli(), p, "sla", id,
                        item.title(), text, null, pending.sentAt().plus(handoffSla.value())));
            }
        }
        return told;
    }

    private static String left(Instant started, WorkDuration sla, Instant at) {
        return SlaClock.duration(Duration.between(at, started.plus(sla.value())).toMillis());
    }

    /** The people of the model who hold any of the parties (a person, a team, a function). */
    private static Set<String> holders(OperatingModel model, List<String> parties) {
        Rights rights = new Rights(model);
        Set<String> people = new LinkedHashSet<>();
        for (Person p : model.people()) {
            if (parties.stream().anyMatch(party -> rights.holds(p.id(), party))) {
                people.add(p.id());
            }
        }
        return people;
    }
}
