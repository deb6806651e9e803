package dev.baton.app.roadmap;

import dev.baton.app.api.ApiException;
import dev.baton.app.roadmap.EnteredInitiatives.Entered;
import dev.baton.app.store.Sha256;
import dev.baton.engine.Engine;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.PriorityScore;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Rights;
import dev.baton.engine.roadmap.RoadmapEvent;
import dev.baton.engine.roadmap.RoadmapEvent.RoadmapPublished;
import dev.baton.engine.version.ModelVersion;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import dev.baton.plan.roadmap.Assumptions;
import dev.baton.plan.roadmap.Comparison;
import dev.baton.plan.roadmap.Deadline;
import dev.baton.plan.roadmap.EffortSuggestions;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.InitiativesFile;
import dev.baton.plan.roadmap.Instance;
import dev.baton.plan.roadmap.Plan;
import dev.baton.plan.roadmap.Planner;
import dev.baton.plan.roadmap.Quarter;
import dev.baton.plan.roadmap.Rebalance;
import dev.baton.plan.roadmap.Roadmap;
import dev.baton.plan.roadmap.RoadmapRefused;
import dev.baton.plan.roadmap.Scenario;
import dev.baton.plan.roadmap.ScenarioFile;
import dev.baton.plan.roadmap.Search;
import dev.baton.plan.roadmap.Verdicts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The roadmap on the server: the top-level work items of the current model merged with the
 * initiatives entered, capacity from the model's people, planned by the {@code plan} module
 * (greedy packer, then local search with a fixed seed and step count, so the same inputs always
 * give the same plan), scenarios compared with the published plan, and publishing as a decision.
 * The planning itself lives in {@code plan}; this class only gathers its inputs and records.
 */
@Component
public class Roadmaps {

    /** Reproducible: seed 0, 2,000 steps, 200 unimproved steps, no time limit. */
    static final Search SEARCH = new Search(0, 2_000, 200, null);
    /** Rebalance: the capacity the top five initiatives need to fit. */
    static final int TOP = 5;
    static final int MAX_QUARTERS = 12;
    /** Events read from the log at a time for effort suggestions. */
    static final int LOG_PAGE = 10_000;

    private final EnteredInitiatives entered;
    private final CapacityAssumptions assumptions;
    private final Engine engine;
    private final Clock clock;

    Roadmaps(EnteredInitiatives entered, CapacityAssumptions assumptions, Engine engine, Clock clock) {
        this.entered = entered;
        this.assumptions = assumptions;
        this.engine = engine;
        this.clock = clock;
    }

    /** Where an initiative of the roadmap comes from, and what it lacks. */
    /** Where an initiative comes from; {@code effortFrom}: entered, the item's own field or estimate, or why it has none. */
    public record Source(String id, String title, boolean item, String workType, boolean entered, boolean effortMissing,
                         String valueFrom, String effortFrom) {
    }

    /** The published plan: the last {@link RoadmapPublished} of the log. */
    public record Published(String quarters, Map<String, Quarter> starts, Map<String, Double> values, double plannedValue,
                            String hash, String by, String byName, String right, Instant at, long version) {
    }

    /** The roadmap's inputs now. */
    public record Board(ModelVersion model, Roadmap roadmap, Map<String, Source> sources, Published published,
                        CapacityAssumptions.InForce assumptions, Map<String, EffortSuggestions.Suggestion> suggestions) {
    }

    /** A board planned: the result, where capacity binds, and the hash a publisher confirms. */
    public record Planned(Board board, Planner.Result result, List<Rebalance.Bottleneck> bottlenecks,
                          List<Rebalance.Addition> additions, String hash) {
    }

    /** {@code 2027-Q1..2027-Q4}, or (null or blank) the current quarter and the three after it. */
    public List<Quarter> quarters(String range) {
        if (range == null || range.isBlank()) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            Quarter now = new Quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
            return Quarter.range(now + ".." + now.plus(3)).orElseThrow();
        }
        List<Quarter> qs = Quarter.range(range).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid-input",
                "expected quarters as a range such as 2027-Q1..2027-Q4, found '" + range + "'").with("field", "quarters"));
        if (qs.size() > MAX_QUARTERS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-input", "expected at most " + MAX_QUARTERS
                    + " quarters, found " + qs.size() + " in '" + range + "'").with("field", "quarters");
        }
        return qs;
    }

    public ModelVersion model() {
        return engine.models().current().orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "no-model",
                "No operating model has been uploaded yet: the roadmap's capacity comes from its people."));
    }

    /** The top-level work items of the model by id (open and done), oldest first. */
    Map<String, WorkItem> items(OperatingModel model) {
        Map<String, WorkItem> items = new LinkedHashMap<>();
        for (WorkType w : PublishRight.roots(model)) {
            engine.matching(new ItemFilter(w.id(), null, null, null, null, null))
                    .sorted(Comparator.comparing(WorkItem::createdAt).thenComparing(i -> i.id().value()))
                    .forEach(i -> items.put(i.id().value(), i));
        }
        return items;
    }

    public Board board(List<Quarter> quarters) {
        ModelVersion version = model();
        OperatingModel model = version.model();
        Map<String, Entered> byId = new LinkedHashMap<>();
        entered.all().forEach(e -> byId.put(e.id(), e));
        Map<String, WorkItem> items = items(model);
        Set<String> done = new HashSet<>();
        items.values().stream().filter(WorkItem::completed).forEach(i -> done.add(i.id().value()));
        List<Initiative> list = new ArrayList<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        for (WorkItem item : items.values()) {
            if (item.completed()) {
                continue;
            }
            Entered e = byId.remove(item.id().value());
            Double score = score(model, item);
            Double value = e != null && e.value() != null ? e.value() : score;
            String title = e != null && e.title() != null ? e.title() : item.title();
            String theme = e != null && e.theme() != null ? e.theme() : item.workType();
            Initiative initiative = initiative(item.id().value(), title, theme, value == null ? 0 : value, e);
            String effortFrom = e != null && !e.effort().isEmpty() ? "entered" : null;
            if (effortFrom == null) {
                // Nobody entered an effort: the item's own field or its tool's estimate, when it has one.
                ItemEffort own = ItemEffort.of(item, model);
                effortFrom = own.from();
                if (!own.effort().isEmpty()) {
                    initiative = new Initiative(initiative.id(), initiative.title(), initiative.theme(), initiative.value(),
                            own.effort(), initiative.dependsOn(), initiative.earliest(), initiative.deadline(),
                            initiative.committed());
                }
            }
            list.add(initiative);
            sources.put(item.id().value(), new Source(item.id().value(), title, true, item.workType(), e != null,
                    initiative.effort().isEmpty(), e != null && e.value() != null ? "entered"
                    : score != null ? "intake score" : "none (no intake score: 0)", effortFrom));
        }
        for (Entered e : byId.values()) {
            if (done.contains(e.id())) {
                continue;
            }
            // An entry for a work item that is no longer top-level work keeps its id as its title.
            String title = e.title() == null ? e.id() : e.title();
            list.add(initiative(e.id(), title, e.theme() == null ? "none" : e.theme(), e.value() == null ? 0 : e.value(), e));
            sources.put(e.id(), new Source(e.id(), title, false, null, true, e.effort().isEmpty(),
                    e.value() == null ? "none (0)" : "entered", e.effort().isEmpty() ? null : "entered"));
        }
        // A dependency on finished work is met; the planner sees only what is still to place.
        Set<String> ids = new HashSet<>(sources.keySet());
        list.replaceAll(i -> i.dependsOn().stream().allMatch(ids::contains) ? i : new Initiative(i.id(), i.title(), i.theme(),
                i.value(), i.effort(), i.dependsOn().stream().filter(ids::contains).toList(), i.earliest(), i.deadline(),
                i.committed()));
        Published published = published(model).orElse(null);
        CapacityAssumptions.InForce inForce = assumptions.current();
        Assumptions a = inForce.assumptions();
        // Completed work with recorded effort, as baton plan --log feeds it: suggestions are shown, never planned on.
        Roadmap roadmap = new Roadmap(quarters, List.copyOf(list), InitiativesFile.capacity(model, quarters, a), a,
                published == null ? Map.of() : published.starts(), loggedEffort(model));
        return new Board(version, roadmap, sources, published, inForce, EffortSuggestions.of(roadmap));
    }

    /** The log's item events effort is read from, kept between plans: only what was appended since is read again. */
    private final List<RecordedEvent> effortEvents = new ArrayList<>();
    private long effortReadUpTo;

    /**
     * The log's completed work with the effort its tool recorded, as {@code baton plan --log} reads
     * it ({@link LoggedEffort}; story points are not converted: the server states no points per day).
     * The whole log, imported history included: that is where Jira's time spent is. The log is
     * append-only, so each plan reads only the events after the last one seen, not the whole log.
     */
    private synchronized List<Initiative> loggedEffort(OperatingModel model) {
        for (List<RecordedEvent> page = engine.store().readAll(effortReadUpTo, LOG_PAGE); !page.isEmpty();
             page = engine.store().readAll(effortReadUpTo, LOG_PAGE)) {
            for (RecordedEvent e : page) {
                if (e.event() instanceof WorkItemEvent.ItemCreated || e.event() instanceof WorkItemEvent.OwnerAssigned
                        || e.event() instanceof WorkItemEvent.ItemCompleted) {
                    effortEvents.add(e);
                }
            }
            effortReadUpTo = page.get(page.size() - 1).position();
        }
        return LoggedEffort.completed(effortEvents, model, 0);
    }

    private static Initiative initiative(String id, String title, String theme, double value, Entered e) {
        Map<String, int[]> effort = new LinkedHashMap<>();
        List<String> deps = List.of();
        Quarter earliest = null;
        Deadline deadline = null;
        if (e != null) {
            e.effort().forEach((f, days) -> effort.put(f, days.stream().mapToInt(Integer::intValue).toArray()));
            deps = e.dependsOn();
            earliest = e.earliest() == null ? null : Quarter.parse(e.earliest()).orElse(null);
            deadline = e.deadline() == null ? null : new Deadline(Quarter.parse(e.deadline()).orElseThrow(),
                    "hard".equals(e.deadlineKind()));
        }
        return new Initiative(id, title, theme, value, effort, deps, earliest, deadline, null);
    }

    /** The item's intake score under the model's prioritisation scheme, or null when it has none. */
    static Double score(OperatingModel model, WorkItem item) {
        if (model.intake() == null) {
            return null;
        }
        Map<String, Object> inputs = new HashMap<>(item.fields());
        inputs.putAll(item.priorityInputs());
        return PriorityScore.of(model.intake().prioritization(), inputs).value();
    }

    public Planned plan(Board board) {
        Planner.Result result = Planner.TIMEFOLD.plan(board.roadmap(), SEARCH);
        return new Planned(board, result, Rebalance.bottlenecks(result.plan()),
                Rebalance.toFitTop(result.plan().instance(), TOP), hash(board.roadmap(), result.plan()));
    }

    /** SHA-256 of what a publisher sees: the quarters, and each initiative's value and start. */
    static String hash(Roadmap roadmap, Plan plan) {
        StringBuilder text = new StringBuilder(roadmap.quarters().get(0) + ".." + roadmap.quarters().get(roadmap.quarters().size() - 1));
        for (int i = 0; i < roadmap.initiatives().size(); i++) {
            Initiative it = roadmap.initiatives().get(i);
            text.append('\n').append(it.id()).append('=').append(it.value()).append('@')
                    .append(plan.planned(i) ? roadmap.quarters().get(plan.start(i)).toString() : "out");
        }
        return Sha256.hex(text.toString());
    }

    /** A scenario (the plan module's scenario format, YAML or JSON) read against the board. */
    public Scenario scenario(Board board, String text) {
        try {
            return ScenarioFile.read(text == null || text.isBlank() ? "{}" : text, board.roadmap());
        } catch (RoadmapRefused e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-scenario", "The scenario cannot be planned: "
                    + e.getMessage()).with("errors", e.problems().stream().map(p -> Map.of("member", p.path(),
                    "message", p.message(), "line", p.line())).toList());
        }
    }

    /** The scenario planned and compared with the published plan (with the current plan while none is published). */
    public Comparison compare(Planned current, Scenario scenario) {
        Roadmap roadmap = current.board().roadmap();
        Planner.Result base = current.result();
        Map<String, Quarter> against = current.result().plan().placements();
        if (current.board().published() != null) {
            Plan published = Plan.of(new Instance(roadmap), current.board().published().starts());
            base = new Planner.Result(Planner.TIMEFOLD, published, Verdicts.of(published), published.plannedValue(), 0);
            against = current.board().published().starts();
        }
        Planner.Result changed = Planner.TIMEFOLD.plan(scenario.applyTo(roadmap).withPublished(against), SEARCH);
        return Comparison.of(scenario, base, changed);
    }

    public Optional<Published> published(OperatingModel model) {
        List<RecordedEvent> events = engine.store().read(RoadmapEvent.STREAM);
        for (int k = events.size() - 1; k >= 0; k--) {
            if (events.get(k).event() instanceof RoadmapPublished p) {
                Map<String, Quarter> starts = new TreeMap<>();
                p.starts().forEach((id, q) -> Quarter.parse(q).ifPresent(parsed -> starts.put(id, parsed)));
                RecordedEvent e = events.get(k);
                return Optional.of(new Published(p.quarters(), starts, p.values(), p.plannedValue(), p.hash(), e.actor(),
                        Names.person(model, e.actor()), p.right(), e.at(), e.version()));
            }
        }
        return Optional.empty();
    }

    /**
     * Publishes the plan as planned now: only for a holder of the right ({@link PublishRight}), and
     * only when the plan is still the one the publisher saw ({@code hash}).
     */
    public RecordedEvent publish(Planned planned, String hash, String personId) {
        OperatingModel model = planned.board().model().model();
        PublishRight right = PublishRight.of(model);
        PublishRight.Holder held = right.heldBy(new Rights(model), personId);
        if (held == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "no-decision-right", right.sentence() + " "
                    + Names.person(model, personId) + " does not hold it, so the plan was not published.")
                    .with("right", right.holders().stream().map(h -> h.where() + " (" + h.party() + ")").toList());
        }
        if (!planned.hash().equals(hash)) {
            throw new ApiException(HttpStatus.CONFLICT, "plan-changed", "The plan changed since it was shown (an initiative, "
                    + "the model or the published plan changed): look at it again before publishing it.")
                    .with("hash", planned.hash());
        }
        Roadmap roadmap = planned.board().roadmap();
        Plan plan = planned.result().plan();
        Map<String, String> starts = new LinkedHashMap<>();
        plan.placements().forEach((id, q) -> starts.put(id, q.toString()));
        Map<String, Double> values = new LinkedHashMap<>();
        roadmap.initiatives().forEach(i -> values.put(i.id(), i.value()));
        String quarters = roadmap.quarters().get(0) + ".." + roadmap.quarters().get(roadmap.quarters().size() - 1);
        RoadmapPublished event = new RoadmapPublished(quarters, starts, values, plan.plannedValue(), planned.hash(),
                held.where());
        List<RecordedEvent> recorded = engine.store().append(RoadmapEvent.STREAM, engine.store().version(RoadmapEvent.STREAM),
                null, List.of(new PendingEvent(clock.instant(), personId, null, planned.board().model().number(), event)));
        return recorded.get(recorded.size() - 1);
    }
}
