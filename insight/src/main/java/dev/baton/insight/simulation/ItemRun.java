package dev.baton.insight.simulation;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.intake.IntakeEvent.RequestAccepted;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.PriorityInputsSet;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.rights.Names;
import dev.baton.insight.debt.GoalLinks;
import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.GateMode;
import dev.baton.model.Handoff;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Prioritization;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.StageKind;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One simulated item from request to completion.
 * <ul>
 *   <li>Intake: when a form serves the work type, a request is submitted by one of the form's
 *       submitters and accepted a few office hours later; urgent items bypass intake.</li>
 *   <li>The path: the stages in listed order up to the first final stage; optional stages are
 *       taken six times in ten. Injected: one mandatory inner stage skipped; one step back along a
 *       declared rework edge (through a denied approval at a gate), else to the previous stage.</li>
 *   <li>Timing: stages with an SLA run on the calendar clock: on time they take 5–95% of the SLA
 *       (lognormal around 45%) and end inside office hours; an overrun takes the SLA times a
 *       lognormal factor. Other stages take lognormal office hours (median 12 h of making, 6 h
 *       of coordination, 8 h of waiting; σ 0.6) and making starts only when the performer has a
 *       free slot ({@link Crew}), or after a working week of waiting at most.</li>
 *   <li>Gates: approval requested past the middle of the visit, granted by every approver (mode
 *       all) or one (mode any) before it ends.</li>
 *   <li>Handoffs: a declared handoff is sent with its required fields when the work is done,
 *       accepted within its SLA (10–70% of it) and followed by the stage change; a bounce-back
 *       is a first send missing a required field, rejected, fixed and sent again. The item's owner
 *       follows the work when it changes function.</li>
 *   <li>Words: the title, the brief (every field the item is asked for), the request's reason
 *       and comments come from a {@link Story}, drawn from random numbers of their own, so that
 *       no word shifts a debt draw. A comment is written just before an event its author records
 *       the same day, so it adds no touch and no follow-up day to what the debt report counts.</li>
 * </ul>
 */
final class ItemRun {

    static final double MAKING_HOURS = 12;
    private static final double MAX_WAIT_HOURS = 40;
    private static final double COORDINATION_HOURS = 6;
    private static final double WAITING_HOURS = 8;
    private static final double SIGMA = 0.6;

    private final Simulator sim;
    private final OperatingModel model;
    private final WorkType type;
    private final String itemId;
    private final SplittableRandom random;
    private final SplittableRandom words;
    private final Crew crew;
    private final Template template;
    private long version;
    private long requestVersion;
    private long clock = Long.MIN_VALUE;
    private String owner;
    /** This item is tied to no goal: no parent, and its metric fields stay empty at every stage. */
    private boolean dropGoal;
    private List<String> metricFields;
    private Story story;

    ItemRun(Simulator sim, WorkType type, String itemId, SplittableRandom random, SplittableRandom words) {
        this.sim = sim;
        this.model = sim.model();
        this.type = type;
        this.itemId = itemId;
        this.random = random;
        this.words = words;
        this.crew = sim.crew();
        this.template = type.template() == null ? null : model.template(type.template()).orElse(null);
        this.metricFields = GoalLinks.metricFields(model, type);
    }

    /** Runs the item; its story, which later items of child work types serve. */
    Story run(long arrival) {
        DebtRates rates = sim.rates();
        SimulationTruth truth = sim.truth();
        truth.items++;
        // Draw every decision up front, in a fixed order, so that one rate never shifts another's draws.
        boolean urgent = random.nextDouble() < rates.urgent();
        boolean unowned = random.nextDouble() < rates.unowned();
        dropGoal = random.nextDouble() < rates.noGoal() && GoalLinks.carriedByItems(model, type);
        boolean skip = random.nextDouble() < rates.skip();
        boolean rework = random.nextDouble() < rates.rework();

        List<Stage> path = path();
        if (skip) {
            skip = skipOne(path);
        }
        int[] loop = rework ? reworkLoop(path) : null;

        IntakeForm form = sim.formFor(type);
        boolean viaIntake = form != null && !urgent;
        Stage first = path.get(0);
        String creator = crew.pick(party(first));
        String parent = dropGoal ? null : sim.parentFor(type);
        String submitter = !viaIntake ? null : crew.pick(form.submitters().isEmpty() ? party(first)
                : form.submitters().get(random.nextInt(form.submitters().size())));
        Storyteller teller = sim.storyteller();
        story = teller.tell(type, parent == null ? null : teller.latest(type.parent()), WorkingHours.day(arrival),
                submitter, words);
        Map<String, Object> fields = creationFields(dropGoal);
        String title = story.title();

        long t = arrival;
        String requestId = null;
        if (viaIntake) {
            truth.requests++;
            requestId = sim.nextRequestId();
            request(requestId, tick(t), submitter, new RequestSubmitted(form.id(), title, requestFields(form, story, dropGoal)));
            t = WorkingHours.plus(clock, lognormal(3, 0.7));
            String colleague = crew.pick(party(path.get(Math.min(1, path.size() - 1))));
            request(requestId, tick(t), creator, new RequestAccepted(itemId, story.accepted(colleague)));
        }
        long created = tick(t);
        item(created, creator, new ItemCreated(title, first.id(), fields, parent, requestId));
        if (!unowned) {
            owner = creator;
            item(tick(clock + 60), creator, new OwnerAssigned(creator, null));
        }
        if (urgent) {
            item(tick(clock + 60), creator, new MarkedUrgent(story.urgent()));
        }
        Prioritization prioritization = model.intake().prioritization();
        if (viaIntake && prioritization != null && prioritization.scheme() != null) {
            item(tick(clock + 60), creator, new PriorityInputsSet(priorityInputs(prioritization)));
        }

        truth.itemsUrgent += urgent ? 1 : 0;
        truth.itemsUnowned += unowned ? 1 : 0;
        truth.itemsSkipping += skip ? 1 : 0;
        truth.itemsReworked += loop != null ? 1 : 0;
        truth.itemsWithoutGoal += GoalLinks.linked(model, type, parent, fields) ? 0 : 1;

        walk(path, loop, creator, created);
        return story;
    }

    /** The listed stages up to the first final one; optional stages taken six times in ten. */
    private List<Stage> path() {
        List<Stage> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> finals = type.finalStages();
        for (Stage s : type.stages()) {
            if (s.id() == null || !seen.add(s.id())) {
                continue;
            }
            if (s.optional() && !path.isEmpty() && !finals.contains(s.id()) && random.nextDouble() >= 0.6) {
                continue;
            }
            path.add(s);
            if (finals.contains(s.id())) {
                break;
            }
        }
        return path;
    }

    /** Drops one mandatory inner stage; false when the path has none. */
    private boolean skipOne(List<Stage> path) {
        List<Integer> inner = new ArrayList<>();
        for (int i = 1; i + 1 < path.size(); i++) {
            if (!path.get(i).optional()) {
                inner.add(i);
            }
        }
        if (inner.isEmpty()) {
            return false;
        }
        path.remove((int) inner.get(random.nextInt(inner.size())));
        return true;
    }

    /** {from, to} path indexes of the step back: a declared rework edge on the path, else one stage back. */
    private int[] reworkLoop(List<Stage> path) {
        if (path.size() < 2) {
            return null;
        }
        List<int[]> declared = new ArrayList<>();
        for (StageChange c : type.transitions()) {
            int from = indexOf(path, c.from());
            int to = indexOf(path, c.to());
            if (from >= 0 && to >= 0 && to < from) {
                declared.add(new int[] {from, to});
            }
        }
        if (!declared.isEmpty()) {
            return declared.get(random.nextInt(declared.size()));
        }
        int from = 1 + random.nextInt(path.size() - 1);
        return new int[] {from, from - 1};
    }

    private static int indexOf(List<Stage> path, String id) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void walk(List<Stage> path, int[] loop, String creator, long created) {
        List<Integer> order = new ArrayList<>();
        int reworkStep = -1;
        for (int i = 0; i < path.size(); i++) {
            order.add(i);
            if (loop != null && i == loop[0] && reworkStep < 0) {
                reworkStep = order.size() - 1;
                for (int j = loop[1]; j <= loop[0]; j++) {
                    order.add(j);
                }
            }
        }
        long enteredAt = created;
        String previousPerformer = creator;
        for (int k = 0; k < order.size(); k++) {
            Stage stage = path.get(order.get(k));
            boolean last = k == order.size() - 1;
            boolean goesBack = k == reworkStep;
            String performer = k == 0 ? previousPerformer : performerFor(stage, enteredAt);
            long end = visitEnd(stage, performer, enteredAt);
            if (stage.gate() != null && !stage.gate().approvers().isEmpty()) {
                approvals(stage, performer, enteredAt, end, goesBack);
            }
            boolean fills = !stage.exit().isEmpty() && !goesBack && template != null;
            Stage next = last ? null : path.get(order.get(k + 1));
            remarkOnLeaving(stage, next, goesBack, performer, fills ? end - 60 : end);
            if (fills) {
                item(tick(end - 60), performer, new FieldsUpdated(values(stage.exit())));
            }
            if (last) {
                item(tick(end), performer, new ItemCompleted(stage.id()));
                return;
            }
            enteredAt = leave(stage, next, performer, end, goesBack);
            previousPerformer = performer;
        }
    }

    /** Now and then a word from the performer as a visit closes (at {@code at}): done, sent back, handed over, moved on. */
    private void remarkOnLeaving(Stage stage, Stage next, boolean goesBack, String performer, long at) {
        if (next == null) {
            remark(at, performer, 0.2, story::done);
        } else if (goesBack) {
            remark(at, performer, 0.6, () -> story.rework(Names.stage(type, next.id())));
        } else if (handoff(stage.id(), next.id()) != null) {
            remark(at, performer, 0.2, () -> story.handover(partyName(party(next))));
        } else {
            remark(at, performer, 0.1, () -> story.move(Names.stage(type, stage.id()), Names.stage(type, next.id())));
        }
    }

    /** The person who does a stage: the owner when they can act for it and are free, else the freest candidate. */
    private String performerFor(Stage stage, long at) {
        String party = party(stage);
        if (owner != null && crew.candidates(party).contains(owner) && crew.earliestFree(owner) <= at) {
            return owner;
        }
        return crew.pick(party);
    }

    static String party(Stage stage) {
        if (stage.owner() != null) {
            return stage.owner();
        }
        return stage.decision() == null ? null : stage.decision().driver();
    }

    /** When the work of a visit is done; books the performer's slot until then. */
    private long visitEnd(Stage stage, String performer, long enteredAt) {
        long end;
        if (stage.sla() != null) {
            SimulationTruth truth = sim.truth();
            truth.slaVisits++;
            long sla = stage.sla().value().toSeconds();
            DebtRates rates = sim.rates();
            if (random.nextDouble() < rates.slaOverrun()) {
                truth.slaVisitsOver++;
                double factor = Math.max(1.05, lognormal(rates.slaOverrunFactor(), rates.slaOverrunSigma()));
                end = WorkingHours.next(enteredAt + Math.round(sla * factor));
            } else {
                double share = Math.min(0.95, Math.max(0.05, lognormal(0.45, 0.35)));
                end = WorkingHours.latestWithin(enteredAt + 120, enteredAt + Math.round(sla * share));
            }
        } else {
            StageKind kind = stage.kind() == null ? StageKind.MAKING : stage.kind();
            long start = enteredAt;
            double median = switch (kind) {
                case MAKING -> MAKING_HOURS;
                case COORDINATION -> COORDINATION_HOURS;
                case WAITING -> WAITING_HOURS;
            };
            if (kind == StageKind.MAKING) {
                // An overloaded person makes an item wait at most a working week, then juggles it
                // alongside the others: work in progress grows instead of the queue growing for ever.
                start = Math.max(enteredAt, Math.min(crew.earliestFree(performer),
                        WorkingHours.plus(enteredAt, MAX_WAIT_HOURS)));
            }
            end = WorkingHours.plus(start, lognormal(median, SIGMA));
        }
        end = Math.max(end, enteredAt + 240);
        crew.occupy(performer, end);
        return end;
    }

    private void approvals(Stage stage, String performer, long enteredAt, long end, boolean deny) {
        List<String> approvers = stage.gate().approvers();
        long requested = WorkingHours.latestWithin(enteredAt + 60, enteredAt + (end - enteredAt) * 55 / 100);
        remark(requested, performer, 0.2, () -> story.reviewAsk(approvers.stream()
                .filter(a -> !crew.candidates(a).contains(performer)).findFirst().map(this::partyName).orElse(null)));
        item(tick(requested), performer, new ApprovalRequested(stage.id(), approvers));
        List<String> deciders = stage.gate().mode() == GateMode.ANY || deny
                ? List.of(approvers.get(random.nextInt(approvers.size()))) : approvers;
        long span = Math.max(deciders.size(), end - 120 - clock);
        for (int i = 0; i < deciders.size(); i++) {
            String party = deciders.get(i);
            long at = clock + span * (i + 1) / (deciders.size() + 1);
            String approver = crew.pick(party);
            BatonEvent decision = deny ? new ApprovalDenied(stage.id(), party, story.denied())
                    : new ApprovalGranted(stage.id(), party, story.granted());
            item(tick(WorkingHours.latestWithin(clock, at)), approver, decision);
        }
    }

    /** Leaves a stage for the next one: a plain change or a declared handoff; the time the next stage is entered. */
    private long leave(Stage stage, Stage next, String performer, long end, boolean rework) {
        Handoff handoff = rework ? null : handoff(stage.id(), next.id());
        String receiver = performerFor(next, end);
        if (handoff == null) {
            long at = tick(end);
            item(at, performer, new StageEntered(stage.id(), next.id(), rework));
            followOwner(receiver);
            return at;
        }
        SimulationTruth truth = sim.truth();
        truth.handoffs++;
        Map<String, Object> full = values(handoff.requires());
        String fromFunction = functionOf(party(stage), handoff.from());
        String toFunction = functionOf(party(next), handoff.to());
        long sent = tick(end);
        if (random.nextDouble() < sim.rates().bounce()) {
            truth.handoffsBounced++;
            Map<String, Object> partial = new LinkedHashMap<>(full);
            String missing = partial.isEmpty() ? null : partial.keySet().iterator().next();
            if (missing != null) {
                partial.remove(missing);
            }
            item(sent, performer, new HandoffSent(fromFunction, toFunction, stage.id(), next.id(), partial));
            long rejected = WorkingHours.plus(sent, 1 + 3 * random.nextDouble());
            item(tick(rejected), receiver, new HandoffRejected(stage.id(), next.id(),
                    missing == null ? "not ready to take over" : story.bounce(Names.field(template, missing))));
            sent = tick(WorkingHours.plus(clock, 2 + 4 * random.nextDouble()));
        }
        item(sent, performer, new HandoffSent(fromFunction, toFunction, stage.id(), next.id(), full));
        long accepted = handoff.sla() != null
                ? WorkingHours.latestWithin(sent + 60,
                        sent + Math.round(handoff.sla().value().toSeconds() * (0.1 + 0.6 * random.nextDouble())))
                : WorkingHours.plus(sent, lognormal(3, 0.5));
        item(tick(accepted), receiver, new HandoffAccepted(stage.id(), next.id()));
        long entered = tick(clock + 1);
        item(entered, receiver, new StageEntered(stage.id(), next.id(), false));
        followOwner(receiver);
        return entered;
    }

    /** The owner follows the work into another function. */
    private void followOwner(String receiver) {
        if (owner == null || receiver == null || receiver.equals(owner)) {
            return;
        }
        String from = model.functionOf(owner).orElse(null);
        String to = model.functionOf(receiver).orElse(null);
        if (from != null && !from.equals(to)) {
            item(tick(clock + 1), receiver, new OwnerAssigned(receiver, owner));
            owner = receiver;
        }
    }

    private Handoff handoff(String from, String to) {
        StageChange change = new StageChange(from, to);
        for (Handoff h : model.handoffs()) {
            if (type.id().equals(h.workType()) && change.equals(h.at())) {
                return h;
            }
        }
        return null;
    }

    private String functionOf(String party, String fallback) {
        return party == null ? fallback : model.functionOf(party).orElse(fallback);
    }

    /** The template's required fields that no stage fills on its way out, plus its metric fields. */
    private Map<String, Object> creationFields(boolean dropGoal) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (template == null) {
            return fields;
        }
        Set<String> filledLater = new HashSet<>();
        type.stages().forEach(s -> filledLater.addAll(s.exit()));
        for (Field f : template.fields()) {
            if (f.id() == null || f.type() == null) {
                continue;
            }
            boolean metric = metricFields.contains(f.id());
            if (metric ? !dropGoal : f.required() && !filledLater.contains(f.id())) {
                fields.put(f.id(), story.value(f));
            }
        }
        return fields;
    }

    private Map<String, Object> values(List<String> fieldIds) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String id : fieldIds) {
            if (dropGoal && metricFields.contains(id)) {
                continue;
            }
            Field f = template == null ? null : template.field(id).orElse(null);
            values.put(id, f == null || f.type() == null ? "see " + itemId : story.value(f));
        }
        return values;
    }

    /**
     * What the requester filled in on the form: its template's required fields (but a metric
     * when the item is tied to no goal) and, now and then, an optional field that is not a link.
     */
    static Map<String, Object> requestFields(IntakeForm form, Story story, boolean dropGoal) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Template template = form.template() == null ? null : story.model().template(form.template()).orElse(null);
        if (template == null) {
            return fields;
        }
        for (Field f : template.fields()) {
            if (f.id() == null || f.type() == null || dropGoal && f.type() == FieldType.METRIC) {
                continue;
            }
            boolean optionalToo = !f.required() && f.type() != FieldType.URL
                    && f.type() != FieldType.LIST && story.chance(0.3);
            if (f.required() || optionalToo) {
                Object v = story.value(f);
                if (v != null) {
                    fields.put(f.id(), v);
                }
            }
        }
        return fields;
    }

    private Map<String, Double> priorityInputs(Prioritization p) {
        Map<String, Double> inputs = new LinkedHashMap<>();
        List<String> names = p.scheme().inputs().isEmpty() && p.weights() != null
                ? List.copyOf(p.weights().keySet()) : p.scheme().inputs();
        for (String name : names) {
            inputs.put(name, story.number(name));
        }
        return inputs;
    }

    private double lognormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** A strictly increasing clock per item, so that versions and timestamps agree. */
    private long tick(long at) {
        clock = Math.max(at, clock == Long.MIN_VALUE ? at : clock + 1);
        return clock;
    }

    private void item(long at, String actor, BatonEvent event) {
        sim.emit(at, itemId, ++version, actor, type.id(), event);
    }

    private void request(String requestId, long at, String actor, BatonEvent event) {
        sim.emit(at, requestId, ++requestVersion, actor, type.id(), event);
    }

    /**
     * Now and then ({@code chance}) a comment by {@code actor} a few minutes before the event they
     * record at {@code at}, on the same day and after the item's last event: the event keeps its
     * moment, and the debt report sees no new touch and no new follow-up day.
     */
    private void remark(long at, String actor, double chance, Supplier<String> text) {
        if (actor == null || !story.chance(chance)) {
            return;
        }
        long before = at - 60L * story.minutes(2, 30);
        if (before <= clock || Math.floorDiv(before, 86_400) != Math.floorDiv(at, 86_400)) {
            return;
        }
        item(tick(before), actor, new CommentAdded(text.get()));
    }

    /** How a colleague would address a party: a person's first name, else the team's or function's name. */
    private String partyName(String party) {
        if (party == null) {
            return "team";
        }
        if (sim.storyteller().people().contains(party)) {
            return sim.storyteller().firstName(party);
        }
        return Names.party(model, party);
    }
}
