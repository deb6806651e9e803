package dev.baton.insight.simulation;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.StageKind;
import dev.baton.model.WorkType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates a realistic event log from an operating model alone, with injected orchestration
 * debt and its ground truth. Items arrive at random office hours over the period, each of a work
 * type picked with weight 2^depth in the work-type hierarchy (more assets than campaigns, more
 * campaigns than initiatives); each then runs through its stages in order, with approvals at
 * gates, declared handoffs between functions, owners, SLAs and people's capacity
 * ({@link ItemRun} has the details). The events reach the sink in time order with positions
 * 1, 2, …, so a log of millions of events streams to disk in little memory.
 *
 * <p>Intake says no and later too: beside the requests that become items, some requests through
 * the same forms are declined or deferred ({@link RequestRun}); they never become items, so they
 * change no debt figure but the count of requests.
 *
 * <p>Deterministic: the same model and settings give the same events. Every item draws its
 * decisions from its own {@link SplittableRandom} split off the seed, in arrival order, and its
 * words (title, brief, reasons, comments: {@link Storyteller}) from another, split off a second
 * root, so that words never shift a decision.
 */
public final class Simulator {

    /** Mixed into the seed for the words' random numbers. */
    private static final long WORDS = 0x5EED_0F_3B0A7D5L;

    private final OperatingModel model;
    private final SimulationSettings settings;
    private final Crew crew;
    private final double capacityScale;
    private final List<WorkType> workTypes = new ArrayList<>();
    private final double[] cumulativeWeights;
    private final Map<String, IntakeForm> forms = new HashMap<>();
    private final Map<String, String> latestItemOfType = new HashMap<>();
    private final Storyteller storyteller;
    private final PriorityQueue<SimulatedEvent> pending = new PriorityQueue<>();
    private final SimulationTruth truth = new SimulationTruth();
    private long sequence;
    private long position;
    private long requestNumber;

    private Simulator(OperatingModel model, SimulationSettings settings) {
        this.model = model;
        this.settings = settings;
        for (WorkType w : model.workTypes()) {
            if (w.id() != null && w.stages().stream().anyMatch(s -> s.id() != null)) {
                workTypes.add(w);
            }
        }
        cumulativeWeights = new double[workTypes.size()];
        double sum = 0;
        double makingStages = 0;
        for (int i = 0; i < workTypes.size(); i++) {
            double weight = Math.pow(2, depth(workTypes.get(i)));
            sum += weight;
            cumulativeWeights[i] = sum;
            makingStages += weight * workTypes.get(i).stages().stream()
                    .filter(s -> s.sla() == null && (s.kind() == null || s.kind() == StageKind.MAKING)).count();
        }
        // Making work needs a free slot. When the items asked for need more slot-hours than the
        // declared people have in the period (at 70% utilisation), every person gets
        // proportionally more slots: the same team shape, scaled, instead of a queue that runs for years.
        double needed = settings.items() * (makingStages / sum) * ItemRun.MAKING_HOURS * 1.2;
        double available = Crew.slots(model) * settings.weeks() * 5 * (WorkingHours.CLOSE - WorkingHours.OPEN) * 0.7;
        this.capacityScale = available <= 0 ? 1 : Math.max(1, needed / available);
        this.crew = new Crew(model, capacityScale);
        this.storyteller = new Storyteller(model);
        for (IntakeForm form : model.intake().forms()) {
            if (form.workType() != null) {
                forms.putIfAbsent(form.workType(), form);
            }
        }
    }

    /**
     * Runs a simulation, handing every event to {@code sink} in time order.
     *
     * @throws IllegalArgumentException when the settings are unusable or the model has no work
     *                                  type with stages or no people (the message says which)
     */
    public static SimulationTruth run(OperatingModel model, SimulationSettings settings, Consumer<RecordedEvent> sink) {
        List<String> problems = new ArrayList<>(settings.problems());
        problems.addAll(problems(model));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Simulator(model, settings).simulate(sink);
    }

    /** Why a model cannot be simulated; empty when it can. */
    public static List<String> problems(OperatingModel model) {
        List<String> problems = new ArrayList<>();
        if (model.workTypes().stream().noneMatch(w -> w.id() != null && w.stages().stream().anyMatch(s -> s.id() != null))) {
            problems.add("the model declares no work type with stages: nothing to simulate");
        }
        if (model.people().stream().noneMatch(p -> p.id() != null)) {
            problems.add("the model declares no people: nobody to do the work");
        }
        return problems;
    }

    private SimulationTruth simulate(Consumer<RecordedEvent> sink) {
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom wordsRoot = new SplittableRandom(settings.seed() ^ WORDS);
        long[] arrivals = arrivals(root.split());
        for (int i = 0; i < arrivals.length; i++) {
            flushBefore(arrivals[i], sink);
            SplittableRandom random = root.split();
            SplittableRandom words = wordsRoot.split();
            SplittableRandom sideWords = wordsRoot.split();
            WorkType type = pickType(random);
            String itemId = "item-" + (i + 1);
            Story story = new ItemRun(this, type, itemId, random, words).run(arrivals[i]);
            latestItemOfType.put(type.id(), itemId);
            storyteller.becameItem(type, story);
            IntakeForm form = forms.get(type.id());
            if (form != null) {
                RequestRun.maybe(this, type, form, arrivals[i], sideWords);
            }
        }
        flushBefore(Long.MAX_VALUE, sink);
        truth.capacityScale = capacityScale;
        return truth;
    }

    /** Arrival moments: uniform over the period's office hours, in order. */
    private long[] arrivals(SplittableRandom random) {
        double officeHours = settings.weeks() * 5.0 * (WorkingHours.CLOSE - WorkingHours.OPEN);
        double[] offsets = new double[settings.items()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = random.nextDouble() * officeHours;
        }
        Arrays.sort(offsets);
        long start = WorkingHours.next(settings.start().toEpochDay() * 86_400);
        long[] arrivals = new long[offsets.length];
        // Walk forward instead of converting each offset from the start: linear in the period.
        long t = start;
        double at = 0;
        for (int i = 0; i < offsets.length; i++) {
            t = WorkingHours.plus(t, offsets[i] - at);
            at = offsets[i];
            arrivals[i] = t;
        }
        return arrivals;
    }

    private WorkType pickType(SplittableRandom random) {
        double x = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (x < cumulativeWeights[i]) {
                return workTypes.get(i);
            }
        }
        return workTypes.get(workTypes.size() - 1);
    }

    private int depth(WorkType w) {
        int depth = 0;
        String parent = w.parent();
        while (parent != null && depth < 8) {
            depth++;
            parent = model.workType(parent).map(WorkType::parent).orElse(null);
        }
        return depth;
    }

    private void flushBefore(long epochSecond, Consumer<RecordedEvent> sink) {
        while (!pending.isEmpty() && pending.peek().at < epochSecond) {
            SimulatedEvent e = pending.poll();
            sink.accept(new RecordedEvent(++position, e.stream, e.version, Instant.ofEpochSecond(e.at), e.actor,
                    e.workType, 1, null, e.event));
            truth.events++;
            truth.firstEpochSecond = Math.min(truth.firstEpochSecond, e.at);
            truth.lastEpochSecond = Math.max(truth.lastEpochSecond, e.at);
        }
    }

    void emit(long at, String stream, long version, String actor, String workType, BatonEvent event) {
        pending.add(new SimulatedEvent(at, sequence++, stream, version, actor, workType, event));
    }

    OperatingModel model() {
        return model;
    }

    DebtRates rates() {
        return settings.rates();
    }

    Crew crew() {
        return crew;
    }

    SimulationTruth truth() {
        return truth;
    }

    Storyteller storyteller() {
        return storyteller;
    }

    /** The next request id, in the order the simulation draws requests: req-1, req-2, … */
    String nextRequestId() {
        return "req-" + (++requestNumber);
    }

    IntakeForm formFor(WorkType type) {
        return forms.get(type.id());
    }

    /** The most recent item of the parent work type, which a new child item serves. */
    String parentFor(WorkType type) {
        return type.parent() == null ? null : latestItemOfType.get(type.parent());
    }

    /** An event waiting for its turn; ordered by time, then by the order it was made in. */
    private record SimulatedEvent(long at, long sequence, String stream, long version, String actor, String workType,
                                  BatonEvent event) implements Comparable<SimulatedEvent> {
        @Override
        public int compareTo(SimulatedEvent o) {
            int byTime = Long.compare(at, o.at);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }
    }
}
