package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.PriorityInputsSet;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.model.GateMode;
import dev.baton.model.Handoff;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.StageKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One work item's events folded into what the debt components need. Events arrive in the
 * item's own order; {@link #finish} turns the case into observations of every component. The
 * formulas are those of docs/debt.md; each observation says where it belongs (work type,
 * function, team, person, week, stage) and which events show it.
 */
final class CaseState {

    private static final double HOUR = 3_600_000.0;
    private static final double DAY = 24 * HOUR;

    private final CaseAnalyzer analyzer;
    /** The lookups of the model version the item runs under: its flow, stages and their owners. */
    private ModelIndex index;
    /** The lookups of the current version: who is a person now, which work intake serves. */
    private final ModelIndex current;
    final String id;
    /** Where the item's history comes from ({@link Sources}). */
    final String source;
    /** The import batch (or imported source) whose last event is this item's "as of"; null for Baton's own. */
    final String asOfKey;
    private final String workType;
    /** The model version the item runs under ({@link ModelHistory#resolve}); changed by a migration. */
    private int version;
    private ModelIndex.Flow flow;
    /** Migrated to another version: its stages are judged on each version's declared edges, not aligned. */
    private boolean migrated;

    private boolean created;
    private long createdAt;
    private String creator;
    private boolean hasParent;
    /** Metric fields (by {@link CaseAnalyzer#watchedField} code) whose value names a declared metric. */
    private BitSet namedMetrics;
    /** Required fields (by {@link CaseAnalyzer#watchedField} code) that hold a value. */
    private BitSet filled;
    private boolean viaIntake;
    private boolean urgent;
    private long urgentPosition;
    private boolean prioritised;

    private String owner;
    private String firstOwner;
    private long ownerSince;
    private long unownedSince;
    private double unownedMillis;
    private long firstUnownedPosition;

    private String stage;
    private long enteredAt;
    private long enteredPosition;
    private long workDoneAt = -1;
    private long workDonePosition;
    /** The stages visited, by {@link StageTraces} code. */
    private final BitSet visited = new BitSet();
    private int redoneMaking;
    private int redoneCoordination;
    /** The stages entered as activities, a node of {@link CaseAnalyzer#traces()}. */
    private int trace = StageTraces.EMPTY;

    private int deviations;
    private long firstDeviationPosition;
    private String firstDeviation;
    private boolean skipped;
    private boolean wentBack;
    private long backPosition;
    private String backNote;

    private Round round;
    private Pending pending;

    private boolean completed;
    private long completedAt;
    private long lastEventAt = Long.MIN_VALUE;
    /** Days someone acted on the item after it had gone a day without owner. */
    private final ActiveDays unownedDays = new ActiveDays();
    /** Days someone acted on the item while the current stage visit was over its SLA. */
    private ActiveDays visitLateDays = new ActiveDays();
    /** "This person acted on this item that day" keys, sorted, without boxing. */
    private long[] touches = new long[4];
    private int touchCount;

    CaseState(CaseAnalyzer analyzer, String id, String workType, String source, String asOfKey, long firstAt,
              int version) {
        this.analyzer = analyzer;
        this.current = analyzer.index();
        this.index = analyzer.index(version);
        this.version = version;
        this.id = id;
        this.source = source;
        this.asOfKey = asOfKey;
        this.workType = workType;
        this.flow = index.flow(workType);
        this.createdAt = firstAt;
        this.unownedSince = firstAt;
    }

    void accept(RecordedEvent e) {
        long at = e.at().toEpochMilli();
        long position = e.position();
        if (e.actor() != null && current.isPerson(e.actor())) {
            touch(analyzer.personDayKey(e.actor(), at));
        }
        lastEventAt = Math.max(lastEventAt, at);
        noteLateness(at);
        var event = e.event();
        if (SlaClock.stopsStageClock(event)) {
            workDone(at, position);
        }
        if (event instanceof ItemCreated c) {
            created(c, at, position, e.actor());
        } else if (event instanceof FieldsUpdated f) {
            fields(f.changes());
        } else if (event instanceof OwnerAssigned o) {
            owner(o.owner(), at, position);
        } else if (event instanceof StageEntered s) {
            move(s.from() != null ? s.from() : stage, s.to(), s.rework(), at, position);
        } else if (event instanceof ApprovalRequested r) {
            closeRound(at);
            round = new Round(r.stage(), at, position, r.approvers() == null ? List.of() : r.approvers());
        } else if (event instanceof ApprovalGranted g) {
            granted(g.stage(), g.onBehalfOf(), at, position);
        } else if (event instanceof ApprovalDenied d) {
            if (round == null) {
                round = new Round(d.stage(), at, position, List.of());
            }
            round.positions.add(position);
            closeRound(at);
        } else if (event instanceof HandoffSent h) {
            sent(h, at, position);
        } else if (event instanceof HandoffRejected) {
            if (pending != null) {
                pending.rejections++;
                pending.positions.add(position);
            }
        } else if (event instanceof HandoffAccepted) {
            if (pending != null) {
                pending.acceptedAt = at;
                pending.positions.add(position);
            }
        } else if (event instanceof MarkedUrgent) {
            if (!urgent) {
                urgent = true;
                urgentPosition = position;
            }
        } else if (event instanceof PriorityInputsSet) {
            prioritised = true;
        } else if (event instanceof ItemCompleted c) {
            leaveStage(at);
            if (flow != null && c.stage() != null && !flow.finals.contains(c.stage())) {
                deviation(position, "completed in " + c.stage() + ", which is not a final stage");
            }
            completed = true;
            completedAt = at;
        } else if (event instanceof ItemReopened r) {
            completed = false;
            if (!wentBack) {
                wentBack = true;
                backPosition = position;
                backNote = "reopened into " + r.stage();
            }
            enter(r.stage(), at, position, false);
        } else if (event instanceof ItemMigrated m) {
            migrate(m, at, position);
        }
        // Comments, blocks and unblocks only count as touches.
    }

    /**
     * Someone acted on the item at {@code at}: if it was late in some way at that moment (no owner
     * since an earlier day, a stage visit over its SLA, an approval round over its allowance, a
     * handoff unaccepted past its SLA), that day counts as a day of follow-up for it.
     */
    private void noteLateness(long at) {
        long day = Math.floorDiv(at, (long) DAY);
        if (created && owner == null && Math.floorDiv(unownedSince, (long) DAY) < day) {
            unownedDays.on(day);
        }
        if (stage != null && workDoneAt < 0 && flow != null) {
            Stage s = flow.stage(stage);
            if (s != null && s.sla() != null && at - enteredAt > s.sla().value().toMillis()) {
                visitLateDays.on(day);
            }
        }
        if (round != null && at - round.requestedAt > allowance(round.stage)) {
            round.lateDays.on(day);
        }
        if (pending != null && pending.acceptedAt == 0 && pending.slaMillis >= 0 && at - pending.lastSentAt > pending.slaMillis) {
            pending.lateDays.on(day);
        }
    }

    /** How long an approval round at a stage may take: a share of the stage's SLA, or a day. */
    private double allowance(String approvalStage) {
        Stage s = flow == null ? null : flow.stage(approvalStage);
        return s != null && s.sla() != null
                ? s.sla().value().toMillis() * CostAssumptions.APPROVAL_SHARE_OF_SLA
                : CostAssumptions.APPROVAL_ALLOWANCE_HOURS * HOUR;
    }

    /**
     * The item moves to another model version: the visit so far is judged against the old
     * version (its SLA up to now), and from here on the new version's stages, SLAs, gates and
     * handoffs apply. The migration is no move of the flow: no rework, no deviation, no activity.
     */
    private void migrate(ItemMigrated m, long at, long position) {
        leaveStage(at);
        pending = null;
        migrated = true;
        version = analyzer.history().resolve(id, m.toVersion());
        index = analyzer.index(version);
        flow = index.flow(workType);
        if (m.toStage() != null) {
            visited.set(analyzer.traces().code(m.toStage()));
            visitLateDays = new ActiveDays();
            stage = analyzer.traces().canonical(m.toStage());
            enteredAt = at;
            enteredPosition = position;
            workDoneAt = -1;
        }
    }

    /** This component's tally for the item's source. */
    private ComponentTally.Part component(String id) {
        return analyzer.tally().component(id).part(source);
    }

    private void created(ItemCreated c, long at, long position, String actor) {
        created = true;
        createdAt = at;
        unownedSince = owner == null ? at : unownedSince;
        firstUnownedPosition = position;
        creator = analyzer.canonicalParty(actor);
        hasParent = c.parent() != null && !c.parent().isBlank();
        viaIntake = c.fromRequest() != null;
        if (c.fields() != null) {
            fields(c.fields());
        }
        if (flow != null && c.stage() != null && !flow.starts.contains(c.stage())) {
            deviation(position, "started in " + c.stage() + " instead of " + flow.starts.iterator().next());
        }
        enter(c.stage(), at, position, true);
    }

    private void fields(Map<String, Object> changes) {
        if (changes == null) {
            return;
        }
        if (flow == null) {
            return; // neither required nor metric fields to watch
        }
        changes.forEach((key, value) -> {
            int code = analyzer.watchedField(workType, key);
            if (code < 0) {
                return;
            }
            if (filled == null) {
                filled = new BitSet();
            }
            filled.set(code, value != null);
            if (flow.metricFields.contains(key)) {
                if (namedMetrics == null) {
                    namedMetrics = new BitSet();
                }
                namedMetrics.set(code, GoalLinks.namesMetric(index.model, value));
                if (value != null) {
                    analyzer.tally().shows(source, java.util.EnumSet.of(Signal.GOALS));
                }
            }
        });
    }

    private void owner(String newOwner, long at, long position) {
        closeOwnerInterval(at);
        owner = newOwner == null || newOwner.isBlank() ? null : analyzer.canonicalParty(newOwner);
        if (owner == null) {
            unownedSince = at;
            firstUnownedPosition = position;
        } else {
            ownerSince = at;
            if (firstOwner == null) {
                firstOwner = owner;
            }
        }
    }

    private void closeOwnerInterval(long at) {
        closeOwnerInterval(at, at);
    }

    /** Ends the current owner interval at {@code at}; the owner's work in progress counts up to {@code wipUntil}. */
    private void closeOwnerInterval(long at, long wipUntil) {
        if (owner == null) {
            unownedMillis += Math.max(0, at - unownedSince);
            unownedSince = at;
        } else {
            analyzer.owned(owner, ownerSince, Math.min(at, wipUntil));
            ownerSince = at;
        }
    }

    /** Enters a stage; {@code activity} when the log's process-mining view has it as an activity (not a reopening). */
    private void enter(String to, long at, long position, boolean activity) {
        if (to == null) {
            return;
        }
        StageTraces traces = analyzer.traces();
        int code = traces.code(to);
        if (visited.get(code)) {
            Stage s = flow == null ? null : flow.stage(to);
            if (s != null && (s.kind() == null || s.kind() == StageKind.MAKING)) {
                redoneMaking++;
            } else {
                redoneCoordination++;
            }
        }
        visited.set(code);
        visitLateDays = new ActiveDays();
        if (activity) {
            trace = traces.append(trace, to);
        }
        stage = traces.canonical(to);
        enteredAt = at;
        enteredPosition = position;
        workDoneAt = -1;
    }

    private void workDone(long at, long position) {
        if (stage != null && workDoneAt < 0) {
            workDoneAt = at;
            workDonePosition = position;
        }
    }

    private void move(String from, String to, boolean rework, long at, long position) {
        leaveStage(at);
        if (flow != null && from != null && to != null) {
            StageChange change = new StageChange(from, to);
            int i = flow.indexOf(from);
            int j = flow.indexOf(to);
            boolean backwards = rework || (i >= 0 && j >= 0 && j < i);
            if (!flow.allowed.contains(change)) {
                deviation(position, change + " is not in the declared flow");
                if (!backwards && i >= 0 && j > i + 1) {
                    for (int k = i + 1; k < j; k++) {
                        Stage between = flow.workType.stages().get(k);
                        if (!between.optional()) {
                            skipped = true;
                            break;
                        }
                    }
                }
            }
            if (backwards && !wentBack) {
                wentBack = true;
                backPosition = position;
                backNote = "went back " + change;
            }
            if (!backwards) {
                handoffUnit(from, to, at, position);
            }
        } else if (rework && !wentBack) {
            wentBack = true;
            backPosition = position;
            backNote = "went back to " + to;
        }
        pending = null;
        enter(to, at, position, true);
    }

    /** Ends the current visit: its SLA and the time it adds to making or coordination. */
    private void leaveStage(long at) {
        closeRound(at);
        if (stage == null) {
            return;
        }
        Stage s = flow == null ? null : flow.stage(stage);
        if (s != null) {
            long done = workDoneAt >= 0 ? workDoneAt : at;
            sla(s, done - enteredAt, workDoneAt >= 0 ? workDonePosition : 0, true);
            coordination(s, at - enteredAt);
        }
        stage = null;
    }

    private void sla(Stage s, long millis, long donePosition, boolean closed) {
        if (s.sla() == null) {
            return;
        }
        double slaMillis = s.sla().value().toMillis();
        boolean over = millis > slaMillis;
        if (!closed && !over) {
            return; // still open and within its SLA: no verdict yet
        }
        ComponentTally.Part c = component("sla");
        double hours = over ? CostAssumptions.followUp(visitLateDays.days) : 0;
        c.observe(stageAttribution(s.id(), enteredAt), over ? 1 : 0, 1, hours);
        c.count("visits", 1);
        c.count("visitsOverSla", over ? 1 : 0);
        // Evidence lists what cost someone time: a breach nobody acted on counts in the value only.
        if (over && hours > 0) {
            List<Long> positions = donePosition > 0 ? List.of(enteredPosition, donePosition) : List.of(enteredPosition);
            c.evidence(new Evidence(id, positions, workType + "/" + s.id() + " took " + hours(millis) + " against an SLA of "
                    + s.sla().text() + (closed ? "" : " and is still open"), millis / slaMillis));
        }
    }

    private void coordination(Stage s, long millis) {
        if (millis <= 0) {
            return;
        }
        double hours = millis / HOUR;
        boolean coordinating = s.kind() == StageKind.COORDINATION || s.kind() == StageKind.WAITING;
        ComponentTally.Part c = component("coordination-share");
        c.observe(stageAttribution(s.id(), enteredAt), coordinating ? hours : 0, hours, 0);
        c.count(s.kind() == null ? "makingHours" : s.kind().id() + "Hours", hours);
    }

    private void granted(String approvalStage, String onBehalfOf, long at, long position) {
        if (round == null) {
            round = new Round(approvalStage, at, position, List.of());
        }
        round.positions.add(position);
        round.granted.add(onBehalfOf);
        Stage s = flow == null ? null : flow.stage(round.stage);
        boolean declared = s != null && ((s.gate() != null && s.gate().approvers().contains(onBehalfOf))
                || (s.decision() != null && onBehalfOf != null && onBehalfOf.equals(s.decision().approver())));
        if (!declared) {
            round.extra++;
        }
        boolean any = s != null && s.gate() != null && s.gate().mode() == GateMode.ANY;
        if (any || (!round.approvers.isEmpty() && round.granted.containsAll(round.approvers))) {
            closeRound(at);
        }
    }

    private void closeRound(long at) {
        if (round == null) {
            return;
        }
        Round r = round;
        round = null;
        long wait = Math.max(0, at - r.requestedAt);
        boolean slow = wait > allowance(r.stage);
        boolean dragged = slow || r.extra > 0;
        double hours = (slow ? CostAssumptions.followUp(r.lateDays.days) : 0) + r.extra * CostAssumptions.EXTRA_APPROVAL_HOURS;
        ComponentTally.Part c = component("decision-drag");
        c.observe(stageAttribution(r.stage, r.requestedAt), dragged ? 1 : 0, 1, hours);
        c.count("rounds", 1);
        c.count("waitHours", wait / HOUR);
        c.count("slowRounds", slow ? 1 : 0);
        c.count("extraApprovals", r.extra);
        if (dragged && hours > 0) {
            String note = "approval at " + workType + "/" + r.stage + " took " + hours(wait)
                    + (r.extra > 0 ? " with " + r.extra + " approval(s) nobody declared" : "");
            c.evidence(new Evidence(id, r.positions, note, wait / HOUR + r.extra));
        }
    }

    private void sent(HandoffSent h, long at, long position) {
        if (pending != null && java.util.Objects.equals(pending.from, h.fromStage())
                && java.util.Objects.equals(pending.to, h.toStage())) {
            pending.lastSentAt = at;
            pending.positions.add(position);
            return;
        }
        pending = new Pending(h.fromStage(), h.toStage(), at, position);
        Handoff declared = flow == null ? null : flow.handoffs.get(new StageChange(h.fromStage(), h.toStage()));
        if (declared != null && declared.sla() != null) {
            pending.slaMillis = declared.sla().value().toMillis();
        }
        if (declared != null) {
            for (String required : declared.requires()) {
                Object value = h.handedOver() == null ? null : h.handedOver().get(required);
                if (value == null || (value instanceof String text && text.isBlank())) {
                    pending.missing.add(required);
                }
            }
        }
    }

    /** A forward change of stage, judged as a handoff when it crosses functions or a handoff was declared or sent. */
    private void handoffUnit(String from, String to, long at, long position) {
        StageChange change = new StageChange(from, to);
        Handoff declared = flow.handoffs.get(change);
        Pending p = pending != null && from.equals(pending.from) && to.equals(pending.to) ? pending : null;
        String fromFunction = index.functionOf(flow.ownerOf(from));
        String toFunction = index.functionOf(flow.ownerOf(to));
        boolean crossing = fromFunction != null && toFunction != null && !fromFunction.equals(toFunction);
        if (!crossing && declared == null && p == null) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        double hours = 0;
        if (declared == null) {
            reasons.add("no handoff is declared for " + change);
            hours += CostAssumptions.INCOMPLETE_HANDOFF_HOURS;
        } else if (p == null) {
            reasons.add("moved without sending the declared handoff");
            hours += CostAssumptions.INCOMPLETE_HANDOFF_HOURS;
        } else if (!p.missing.isEmpty()) {
            reasons.add("sent without " + String.join(", ", p.missing));
            hours += CostAssumptions.INCOMPLETE_HANDOFF_HOURS;
        }
        if (p != null && p.rejections > 0) {
            reasons.add("bounced back " + p.rejections + " time(s)");
            hours += CostAssumptions.BOUNCE_HOURS * Math.min(p.rejections, CostAssumptions.MAX_BOUNCES_CHARGED);
        }
        if (declared != null && declared.sla() != null && p != null) {
            long accepted = p.acceptedAt > 0 ? p.acceptedAt : at;
            double late = accepted - p.lastSentAt - declared.sla().value().toMillis();
            if (late > 0) {
                reasons.add("accepted " + hours((long) late) + " after its SLA of " + declared.sla().text());
                hours += CostAssumptions.followUp(p.lateDays.days);
            }
        }
        ComponentTally.Part c = component("handoffs");
        Attribution where = new Attribution(workType, toFunction != null ? toFunction : fromFunction,
                index.teamOf(flow.ownerOf(to)), owner, analyzer.week(at), workType + "/" + change);
        c.observe(where, reasons.isEmpty() ? 0 : 1, 1, hours);
        String key = where.stage();
        c.count(Dimension.STAGE, key, "handoffs", 1);
        c.count(Dimension.STAGE, key, "undeclared", declared == null ? 1 : 0);
        c.count(Dimension.STAGE, key, "notSent", declared != null && p == null ? 1 : 0);
        c.count(Dimension.STAGE, key, "sent", p != null ? 1 : 0);
        c.count(Dimension.STAGE, key, "bounced", p != null && p.rejections > 0 ? 1 : 0);
        c.count(Dimension.STAGE, key, "rejections", p == null ? 0 : p.rejections);
        c.count(Dimension.STAGE, key, "incomplete", p != null && !p.missing.isEmpty() ? 1 : 0);
        c.count(Dimension.STAGE, key, "lateAcceptance", reasons.stream().anyMatch(r -> r.startsWith("accepted ")) ? 1 : 0);
        if (!reasons.isEmpty()) {
            List<Long> positions = new ArrayList<>(p == null ? List.of() : p.positions);
            positions.add(position);
            c.evidence(new Evidence(id, positions, workType + " " + change + " (" + fromFunction + " → " + toFunction
                    + "): " + String.join("; ", reasons), hours));
        }
    }

    private void deviation(long position, String what) {
        if (deviations == 0) {
            firstDeviationPosition = position;
            firstDeviation = what;
        }
        deviations++;
    }

    /** Turns the case into observations; {@code logEnd} closes what is still open. */
    void finish(long logEnd, TraceFitness fitness) {
        DebtTally tally = analyzer.tally();
        // An open item is measured up to the end it is given, but no longer than a stale period
        // after its own last event: an abandoned ticket is not debt that grows every day.
        long staleAt = lastEventAt + CostAssumptions.STALE_AFTER_DAYS * (long) DAY;
        long end = completed ? completedAt : Math.max(Math.min(logEnd, staleAt), Math.max(createdAt, lastEventAt));
        if (round != null) {
            closeRound(end);
        }
        if (pending != null && flow != null) {
            handoffUnit(pending.from, pending.to, end, pending.positions.get(pending.positions.size() - 1));
        }
        if (stage != null) {
            Stage s = flow == null ? null : flow.stage(stage);
            if (s != null) {
                long done = workDoneAt >= 0 ? workDoneAt : end;
                sla(s, done - enteredAt, workDoneAt >= 0 ? workDonePosition : 0, workDoneAt >= 0);
                coordination(s, end - enteredAt);
            }
        }
        // Work in progress is what someone owned between its events; after an open item's last
        // event nothing says anyone was still working on it.
        closeOwnerInterval(end, completed ? end : lastEventAt);
        for (int i = 0; i < touchCount; i++) {
            analyzer.touched(touches[i]);
        }
        tally.item(workType, source);
        Attribution where = caseAttribution();

        double lifetimeHours = Math.max(0, end - createdAt) / HOUR;
        ComponentTally.Part ownership = component("ownership");
        double unownedHours = unownedMillis / HOUR;
        double ownershipHours = Math.min(CostAssumptions.MAX_UNOWNED_HOURS_PER_ITEM,
                CostAssumptions.UNOWNED_HOURS_PER_ACTIVE_DAY * unownedDays.days);
        ownership.observe(where, unownedHours, lifetimeHours, ownershipHours);
        ownership.count("items", 1);
        ownership.count("itemsNeverOwned", firstOwner == null ? 1 : 0);
        if (unownedHours > 0 && ownershipHours > 0) {
            ownership.evidence(new Evidence(id, List.of(firstUnownedPosition), (firstOwner == null
                    ? "never had an owner in " : "had no owner for ") + hours((long) unownedMillis), unownedHours));
        }

        ComponentTally.Part rework = component("rework");
        double redoHours = Math.min(CostAssumptions.MAX_REWORK_HOURS_PER_ITEM, redoneMaking * CostAssumptions.REDO_MAKING_HOURS
                + redoneCoordination * CostAssumptions.REDO_COORDINATION_HOURS);
        rework.observe(where, wentBack ? 1 : 0, 1, redoHours);
        rework.count("stagesRedone", redoneMaking + redoneCoordination);
        if (wentBack) {
            rework.evidence(new Evidence(id, List.of(backPosition), backNote + ", " + (redoneMaking + redoneCoordination)
                    + " stage visit(s) redone", redoHours));
        }

        boolean bypassed = created && current.intakeWorkTypes.contains(workType) && !viaIntake;
        ComponentTally.Part reactive = component("reactive-load");
        reactive.observe(where, urgent || bypassed ? 1 : 0, 1,
                (urgent ? CostAssumptions.URGENT_HOURS : 0) + (bypassed ? CostAssumptions.BYPASS_HOURS : 0));
        reactive.count("urgent", urgent ? 1 : 0);
        reactive.count("intakeBypassed", bypassed ? 1 : 0);
        reactive.count("viaIntake", viaIntake ? 1 : 0);
        if (urgent || bypassed) {
            reactive.evidence(new Evidence(id, urgent ? List.of(urgentPosition) : List.of(firstUnownedPosition),
                    (urgent ? "marked urgent" : "") + (urgent && bypassed ? ", " : "")
                            + (bypassed ? "created without an intake request" : ""), urgent ? 2 : 1));
        }

        boolean linked = flow != null && GoalLinks.linked(index.model, flow.workType, hasParent,
                anySet(namedMetrics, flow.metricFields));
        ComponentTally.Part goals = component("goal-alignment");
        goals.observe(where, linked ? 0 : 1, 1, linked ? 0 : CostAssumptions.UNLINKED_HOURS);
        if (!linked) {
            goals.evidence(new Evidence(id, List.of(firstUnownedPosition), flow == null
                    ? "work type '" + workType + "' is not in the model, so no goal is declared for it"
                    : "no parent item and no success metric", 1));
        }

        ComponentTally.Part conformance = component("flow-conformance");
        List<String> trace = analyzer.traces().list(this.trace);
        // Only a completed item's whole flow is aligned, with its own version's net; one in progress
        // is judged on its moves so far, and a migrated one on each version's declared edges.
        TraceFitness.Fit fit = fitness == null || !completed || migrated ? null : fitness.fit(workType, version, trace);
        long deviating;
        long moves;
        if (fit != null) {
            // The denominator's other part, the moves of the shortest run through the net, comes
            // from the whole log's alignments (DebtTally#settle); an optimal alignment never costs
            // more than the trace's length plus that run, so the deviations need no cap here.
            deviating = fit.deviations();
            moves = fit.length();
            conformance.observe(where, deviating, moves,
                    Math.min(CostAssumptions.MAX_DEVIATION_HOURS_PER_ITEM, deviating * CostAssumptions.DEVIATION_HOURS));
            tally.unsettled(source, new FlowLogs.Key(workType, version), where);
        } else {
            deviating = deviations;
            moves = trace.size() + (completed ? 1 : 0);
            conformance.observe(where, Math.min(deviating, moves), moves,
                    Math.min(CostAssumptions.MAX_DEVIATION_HOURS_PER_ITEM, deviating * CostAssumptions.DEVIATION_HOURS));
        }
        conformance.count(Dimension.WORK_TYPE, workType, "cases", 1);
        conformance.count(Dimension.WORK_TYPE, workType, "fittingCases", deviating == 0 ? 1 : 0);
        conformance.count(Dimension.WORK_TYPE, workType, "casesWithSkippedStages", skipped ? 1 : 0);
        if (deviating > 0) {
            String note = fit != null
                    ? deviating + " deviation(s) in the optimal alignment of " + String.join(" > ", trace)
                    + (firstDeviation == null ? "" : "; first off the declared edges: " + firstDeviation)
                    : firstDeviation + (deviations > 1 ? " (and " + (deviations - 1) + " more deviation(s))" : "");
            long position = firstDeviationPosition > 0 ? firstDeviationPosition : firstUnownedPosition;
            conformance.evidence(new Evidence(id, List.of(position), note, deviating));
        }

        long[] r = tally.readiness(workType);
        r[DebtTally.Readiness.CREATED] += created ? 1 : 0;
        r[DebtTally.Readiness.INPUTS_COMPLETE] += flow != null && allSet(filled, flow.requiredFields) ? 1 : 0;
        r[DebtTally.Readiness.PRIORITISED] += prioritised ? 1 : 0;
        r[DebtTally.Readiness.VIA_INTAKE] += viaIntake ? 1 : 0;
        r[DebtTally.Readiness.COMPLETED] += completed ? 1 : 0;
    }

    /** Whether every field of the list holds a value (by its {@link CaseAnalyzer#watchedField} code). */
    private boolean allSet(BitSet bits, List<String> fields) {
        for (String f : fields) {
            int code = analyzer.fieldCode(f);
            if (bits == null || code < 0 || !bits.get(code)) {
                return false;
            }
        }
        return true;
    }

    private boolean anySet(BitSet bits, List<String> fields) {
        if (bits == null) {
            return false;
        }
        for (String f : fields) {
            int code = analyzer.fieldCode(f);
            if (code >= 0 && bits.get(code)) {
                return true;
            }
        }
        return false;
    }

    /** Where a whole-item observation belongs: its first owner (or creator) and the week it was created. */
    private Attribution caseAttribution() {
        String person = firstOwner != null ? firstOwner : index.isPerson(creator) ? creator : null;
        String firstStageOwner = flow == null ? null : flow.ownerOf(analyzer.traces().first(trace));
        String function = person != null ? index.functionOf(person) : index.functionOf(firstStageOwner);
        String team = person != null ? index.teamOf(person) : index.teamOf(firstStageOwner);
        return new Attribution(workType, function, team, person, analyzer.week(createdAt), null);
    }

    /** Where a stage observation belongs: the stage's owning function and team, the item's owner then. */
    private Attribution stageAttribution(String stageId, long at) {
        String party = flow == null ? null : flow.ownerOf(stageId);
        String person = owner != null ? owner : index.isPerson(party) ? party : null;
        String function = index.functionOf(party) != null ? index.functionOf(party) : index.functionOf(person);
        String team = index.teamOf(party) != null ? index.teamOf(party) : index.teamOf(person);
        return new Attribution(workType, function, team, person, analyzer.week(at), workType + "/" + stageId);
    }

    /** Adds a person-day key to the sorted set of touches. */
    private void touch(long key) {
        int at = java.util.Arrays.binarySearch(touches, 0, touchCount, key);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (touchCount == touches.length) {
            touches = java.util.Arrays.copyOf(touches, touchCount * 2);
        }
        System.arraycopy(touches, at, touches, at + 1, touchCount - at);
        touches[at] = key;
        touchCount++;
    }

    static String hours(long millis) {
        return SlaClock.duration(millis);
    }

    /** An open approval round at a stage. */
    private static final class Round {
        final String stage;
        final long requestedAt;
        final List<String> approvers;
        final Set<String> granted = new HashSet<>();
        final List<Long> positions = new ArrayList<>();
        final ActiveDays lateDays = new ActiveDays();
        int extra;

        Round(String stage, long requestedAt, long position, List<String> approvers) {
            this.stage = stage;
            this.requestedAt = requestedAt;
            this.approvers = approvers;
            positions.add(position);
        }
    }

    /** A handoff sent and not yet followed by its stage change. */
    private static final class Pending {
        final String from;
        final String to;
        long lastSentAt;
        long acceptedAt;
        int rejections;
        /** The declared handoff's SLA, looked up once when it is sent; -1 without one. */
        long slaMillis = -1;
        final ActiveDays lateDays = new ActiveDays();
        final List<String> missing = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();

        Pending(String from, String to, long sentAt, long position) {
            this.from = from;
            this.to = to;
            this.lastSentAt = sentAt;
            positions.add(position);
        }
    }

    /** Distinct days on which something was noted, in time order. */
    private static final class ActiveDays {
        int days;
        private long last = Long.MIN_VALUE;

        void on(long day) {
            if (day != last) {
                days++;
                last = day;
            }
        }
    }
}
