package dev.baton.insight.weekly;

import dev.baton.engine.approval.Gates;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.handoff.PendingHandoff;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.ItemBlocked;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Rights;
import dev.baton.insight.debt.SlaClock;
import dev.baton.insight.weekly.WeeklyReport.Line;
import dev.baton.model.GateMode;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkDuration;
import dev.baton.model.WorkType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One work item's history up to the end of a week, folded into the lines of its weekly report:
 * what happened during the week as it happened, and where it stands at the week's end. Its state
 * is the engine's own fold ({@link WorkItem}); the stage-SLA clock stops where the debt report's
 * does ({@link SlaClock}), and a decision waits on whom the gate still waits on ({@link Gates}).
 */
final class ItemWeek {

    private final OperatingModel model;
    private final Week week;
    private WorkItem state;
    private WorkType type;
    private String parent;

    /** The current stage visit: when it started, and whether its work is done (its SLA clock stopped). */
    private Instant visitStart;
    private boolean workDone;
    private Instant blockedAt;
    private String blockedBy;
    private Instant askedAt;

    /** Owners during the week and everyone who acted on the item in it. */
    private final Set<String> owners = new HashSet<>();
    private final Set<String> actors = new HashSet<>();
    private boolean weekStarted;

    final List<Line> completed = new ArrayList<>();
    final List<Line> moved = new ArrayList<>();
    final List<Line> blocked = new ArrayList<>();
    final List<Line> slas = new ArrayList<>();
    final List<Line> decisionsMade = new ArrayList<>();
    final List<Line> decisionsWaiting = new ArrayList<>();
    final List<Line> handoffsRejected = new ArrayList<>();
    private List<String> waitingOn = List.of();

    ItemWeek(OperatingModel model, Week week) {
        this.model = model;
        this.week = week;
    }

    /** Takes the item's next event; events from the week's end on are not given. */
    void accept(RecordedEvent e) {
        Instant at = e.at();
        boolean inWeek = !at.isBefore(week.start());
        if (state == null) {
            state = WorkItem.created(e);
            if (state == null) {
                return; // a stream that does not start with ItemCreated is no item to report on
            }
            type = e.workType() == null ? null : model.workType(e.workType()).orElse(null);
            parent = state.parent();
            visitStart = at;
        } else {
            if (inWeek && !weekStarted && state.owner() != null) {
                owners.add(state.owner());
            }
            before(e, at, inWeek);
            state = state.apply(e);
            after(e, at, inWeek);
        }
        if (inWeek) {
            weekStarted = true;
            actors.add(e.actor());
        }
    }

    /** What an event ends: a stage visit's work, a pending handoff. Judged on the state before it. */
    private void before(RecordedEvent e, Instant at, boolean inWeek) {
        Object event = e.event();
        if (SlaClock.stopsStageClock(event) && !workDone) {
            workDone = true;
            WorkDuration sla = stageSla();
            if (sla != null && breachedInWeek(visitStart, sla, at)) {
                slas.add(line("breached", visitStart.plus(sla.value()), List.of(),
                        stage(state.stage()) + " took " + took(visitStart, at) + " against its SLA of " + sla.text(), null));
            }
        }
        PendingHandoff pending = state.pendingHandoff();
        if (event instanceof HandoffAccepted && pending != null) {
            WorkDuration sla = handoffSla(pending);
            if (sla != null && breachedInWeek(pending.sentAt(), sla, at)) {
                slas.add(line("breached", pending.sentAt().plus(sla.value()), List.of(e.actor()), handoff(pending)
                        + " accepted " + took(pending.sentAt(), at) + " after it was sent, against its SLA of " + sla.text(),
                        null));
            }
        }
        if (event instanceof HandoffRejected r && inWeek) {
            String route = pending != null ? handoff(pending) : "handoff from " + stage(r.fromStage()) + " to " + stage(r.toStage());
            handoffsRejected.add(line("rejected", at, List.of(e.actor()), route + " rejected by " + who(e.actor()), r.reason()));
        }
    }

    /** What an event starts or says, on the state after it. */
    private void after(RecordedEvent e, Instant at, boolean inWeek) {
        Object event = e.event();
        if (event instanceof StageEntered s) {
            newVisit(at);
            if (inWeek) {
                moved.add(line(s.rework() ? "sent-back" : "moved", at, List.of(e.actor()), (s.rework() ? "sent back from "
                        : "moved from ") + stage(s.from()) + " to " + stage(s.to()) + " by " + who(e.actor()), null));
            }
        } else if (event instanceof ItemReopened r) {
            newVisit(at);
            if (inWeek) {
                moved.add(line("reopened", at, List.of(e.actor()), "reopened in " + stage(r.stage()) + " by "
                        + who(e.actor()), r.reason()));
            }
        } else if (event instanceof ItemMigrated m) {
            if (m.toStage() != null && !m.toStage().equals(m.fromStage())) {
                newVisit(at);
            }
        } else if (event instanceof ItemCompleted c && inWeek) {
            completed.add(line("completed", at, List.of(e.actor()), "completed in " + stage(c.stage()) + " by "
                    + who(e.actor()), null));
        } else if (event instanceof ApprovalRequested) {
            askedAt = at;
        } else if (event instanceof ApprovalGranted g && inWeek) {
            decisionsMade.add(line("granted", at, List.of(e.actor()), stage(g.stage()) + " approved by " + who(e.actor())
                    + onBehalf(e.actor(), g.onBehalfOf()), g.comment()));
        } else if (event instanceof ApprovalDenied d && inWeek) {
            decisionsMade.add(line("denied", at, List.of(e.actor()), stage(d.stage()) + " denied by " + who(e.actor())
                    + onBehalf(e.actor(), d.onBehalfOf()), d.comment()));
        } else if (event instanceof ItemBlocked) {
            blockedAt = at;
            blockedBy = e.actor();
        } else if (event instanceof OwnerAssigned && inWeek && state.owner() != null) {
            owners.add(state.owner());
        }
    }

    private void newVisit(Instant at) {
        visitStart = at;
        workDone = false;
    }

    /** Where the item stands at the week's end: blocked, over or near an SLA, waiting for a decision. */
    void finish() {
        if (state == null) {
            return;
        }
        if (state.owner() != null) {
            owners.add(state.owner());
        }
        if (state.completed()) {
            return;
        }
        if (state.blocked()) {
            blocked.add(line("blocked", blockedAt, blockedBy == null ? List.of() : List.of(blockedBy), "blocked in "
                    + stage(state.stage()) + (blockedBy == null ? "" : " by " + who(blockedBy)), state.blockedReason()));
        }
        WorkDuration sla = stageSla();
        if (sla != null && !workDone) {
            open(visitStart, sla, List.of(), stage(state.stage()));
        }
        PendingHandoff pending = state.pendingHandoff();
        WorkDuration handoffSla = pending == null ? null : handoffSla(pending);
        if (handoffSla != null) {
            open(pending.sentAt(), handoffSla, List.of(pending.toFunction()), handoff(pending));
        }
        Stage stage = type == null ? null : type.stage(state.stage()).orElse(null);
        if (stage != null && stage.gate() != null && state.approvals().requested()) {
            waitingOn = Gates.waitingOn(stage.gate(), state.approvals());
            if (!waitingOn.isEmpty()) {
                List<String> names = waitingOn.stream().map(p -> Names.party(model, p)).toList();
                String from = stage.gate().mode() == GateMode.ANY ? Names.or(names) : Names.and(names);
                decisionsWaiting.add(line("waiting", askedAt, waitingOn, stage(stage.id()) + " waits on approval from "
                        + from, null));
            }
        }
    }

    /** An SLA clock still running at the week's end: over since before the week, over in it, or about to be. */
    private void open(Instant started, WorkDuration sla, List<String> people, String what) {
        Instant due = started.plus(sla.value());
        String so = took(started, week.end());
        if (due.isBefore(week.start())) {
            slas.add(line("overdue", due, people, what + " over its SLA of " + sla.text() + ", still open after " + so, null));
        } else if (due.isBefore(week.end())) {
            slas.add(line("breached", due, people, what + " over its SLA of " + sla.text() + ", still open after " + so, null));
        } else if (SlaRisk.atRisk(started, sla.value(), week.end())) {
            slas.add(line("at-risk", due, people, what + " has " + took(week.end(), due) + " left of its SLA of "
                    + sla.text(), null));
        }
    }

    /** Over its SLA, and the SLA ran out during the week: a breach that belongs to this week. */
    private boolean breachedInWeek(Instant started, WorkDuration sla, Instant ended) {
        Instant due = started.plus(sla.value());
        return ended.isAfter(due) && week.contains(due);
    }

    private WorkDuration stageSla() {
        return type == null ? null : type.stage(state.stage()).map(Stage::sla).orElse(null);
    }

    private WorkDuration handoffSla(PendingHandoff pending) {
        StageChange at = new StageChange(pending.fromStage(), pending.toStage());
        return model.handoffsOf(state.workType()).stream().filter(h -> at.equals(h.at())).findFirst()
                .map(Handoff::sla).orElse(null);
    }

    /** Whether a person owned the item in the week, acted on it, or holds a right its decision waits on. */
    boolean involves(String person, Rights rights) {
        return owners.contains(person) || actors.contains(person)
                || waitingOn.stream().anyMatch(party -> rights.holds(person, party));
    }

    /** Who owns the item's stage at the week's end: its owner, else its driver. */
    String stageOwner() {
        Stage s = type == null || state == null ? null : type.stage(state.stage()).orElse(null);
        if (s == null) {
            return null;
        }
        return s.owner() != null ? s.owner() : s.decision() == null ? null : s.decision().driver();
    }

    String id() {
        return state == null ? null : state.id().value();
    }

    boolean created() {
        return state != null;
    }

    String parent() {
        return parent;
    }

    boolean hasLines() {
        return !(completed.isEmpty() && moved.isEmpty() && blocked.isEmpty() && slas.isEmpty() && decisionsMade.isEmpty()
                && decisionsWaiting.isEmpty() && handoffsRejected.isEmpty());
    }

    private Line line(String kind, Instant at, List<String> people, String text, String detail) {
        List<String> named = people.stream().filter(Objects::nonNull).toList();
        return new Line(id(), state.title(), kind, at, named, text, detail == null || detail.isBlank() ? null : detail.strip());
    }

    private String stage(String id) {
        return type == null ? Names.words(id) : Names.stage(type, id);
    }

    private String handoff(PendingHandoff p) {
        return "handoff from " + stage(p.fromStage()) + " to " + stage(p.toStage()) + " (" + Names.party(model, p.fromFunction())
                + " → " + Names.party(model, p.toFunction()) + ")";
    }

    private String who(String actor) {
        return actor == null ? "someone" : "baton".equals(actor) ? "Baton" : Names.person(model, actor);
    }

    private String onBehalf(String actor, String party) {
        return party == null || party.equals(actor) ? "" : " for " + Names.party(model, party);
    }

    private static String took(Instant from, Instant to) {
        return SlaClock.duration(Duration.between(from, to).toMillis());
    }
}
