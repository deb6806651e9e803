package dev.baton.engine;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.InMemoryEventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeCommand;
import dev.baton.engine.intake.IntakeCommand.SubmitRequest;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.intake.IntakeRequest;
import dev.baton.engine.intake.QueuedRequest;
import dev.baton.engine.intake.RequestId;
import dev.baton.engine.item.Decision;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemDecider;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.migration.MigrationPlan;
import dev.baton.engine.migration.MigrationRequest;
import dev.baton.engine.migration.MigrationResult;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs work through the operating model: the one entry point of the engine. Every command is
 * decided against the model version its item was created with and recorded in the
 * {@link EventStore} as past-tense events, or rejected with a sentence and nothing recorded.
 *
 * <p>The engine keeps the current state of every item and request in memory (caught up from the
 * store when it starts) so that deciding a command reads no events. It is thread-safe: commands on
 * one item run one at a time; when another process appended to the same stream the store's
 * {@link ConcurrencyConflict} makes the engine reread the stream and decide again (or answer
 * {@link Code#STALE_VERSION} when the caller named the version it saw). Servers sharing one store
 * keep each other's work current with {@link #catchUp} and {@link #logMoved}.
 */
public final class Engine {

    private static final int PAGE = 10_000;

    private final EventStore store;
    private final ModelVersions versions;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Recorder recorder;
    private final ItemIndex index = new ItemIndex();
    private final Streams<WorkItem> items;
    private final Map<Integer, WorkItemDecider> deciders = new ConcurrentHashMap<>();
    private final Locks locks = new Locks();
    private final IntakeDesk intake;
    private final Migrations migrations;
    private final Learning learning;
    private final Assistance assistance;
    private volatile CommandObserver observer = CommandObserver.NONE;
    private final Object catchingUp = new Object();
    /** The position of the last event {@link #catchUp} read; guarded by {@link #catchingUp}. */
    private long caughtUpTo;
    private volatile boolean behind;

    /**
     * @param ids where new ids come from ({@code item-<id>}, {@code request-<id>}) when the caller
     *            names none
     */
    public Engine(EventStore store, ModelVersions versions, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.versions = versions;
        this.clock = clock;
        this.ids = ids;
        this.recorder = new Recorder(store, clock);
        this.items = new Streams<>(store, WorkItem::created, WorkItem::apply, WorkItem::version, index::moved);
        this.intake = new IntakeDesk(this, recorder, versions, clock, ids);
        this.migrations = new Migrations(this, recorder, versions);
        this.learning = new Learning(this, recorder, versions, ids);
        this.assistance = new Assistance(this, recorder, versions, ids);
        catchUp();
    }

    /** New ids are random: {@code item-3f9c2a7d1e4b}. */
    public Engine(EventStore store, ModelVersions versions, Clock clock) {
        this(store, versions, clock, () -> Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16));
    }

    /** An engine on an in-memory store, for tests, the simulator and benchmarks. */
    public static Engine inMemory(ModelVersions versions, Clock clock) {
        return new Engine(new InMemoryEventStore(), versions, clock);
    }

    /** Who hears of every command from now on (one observer; {@link CommandObserver#NONE} for none). */
    public void observe(CommandObserver observer) {
        this.observer = observer == null ? CommandObserver.NONE : observer;
    }

    private CommandResult observed(Object command, long started, CommandResult result) {
        try {
            observer.observed(command.getClass().getSimpleName(), result, System.nanoTime() - started);
        } catch (RuntimeException e) {
            // An observer's failure must not turn a recorded command into an error.
        }
        return result;
    }

    public EventStore store() {
        return store;
    }

    public ModelVersions models() {
        return versions;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Creates a work item under the current model version.
     *
     * @param id        the new item's id, or null for a generated one
     * @param commandId idempotency key (null: none); a retry returns the first attempt's events
     */
    public CommandResult create(WorkItemId id, String commandId, Actor actor, CreateItem command) {
        long started = System.nanoTime();
        return observed(command, started, createUnobserved(id, commandId, actor, command));
    }

    private CommandResult createUnobserved(WorkItemId id, String commandId, Actor actor, CreateItem command) {
        catchUpIfBehind();
        String named = id == null ? null : id.value();
        Creation creation = decideCreation(named, actor, command);
        if (creation.decision().rejected()) {
            return items.rejectedUnlessRetried(commandId, named, creation.decision().rejection(), 0);
        }
        String stream = creation.stream();
        synchronized (locks.item(stream)) {
            try {
                return items.recorded(named, recorder.append(stream, 0, commandId, actor, command.workType(),
                        creation.modelVersion(), creation.decision().events()));
            } catch (ConcurrencyConflict e) {
                return items.rejectedUnlessRetried(commandId, named, new Rejection(Code.WRONG_STATE,
                        "There is already a work item '" + stream + "'"), e.currentVersion());
            }
        }
    }

    /** A create command decided but not recorded yet: the new item's stream, its model version and events. */
    record Creation(String stream, int modelVersion, Decision decision) {
    }

    /** Decides a create command under the current model version; {@code named} null: a generated id. */
    Creation decideCreation(String named, Actor actor, CreateItem command) {
        String badId = named == null ? null : WorkItemId.problem(named);
        if (badId != null) {
            return new Creation(named, 0, Decision.reject(Code.INVALID_INPUT, badId));
        }
        Optional<ModelVersion> model = versions.current();
        if (model.isEmpty()) {
            return new Creation(named, 0, Decision.reject(Code.WRONG_STATE,
                    "No operating model has been uploaded yet; upload one before creating work"));
        }
        WorkItem parent = null;
        if (command.parent() != null) {
            parent = items.get(command.parent());
            if (parent == null) {
                return new Creation(named, 0, Decision.reject(Code.NOT_FOUND,
                        "There is no work item '" + command.parent() + "' to put this under"));
            }
        }
        if (command.fromRequest() != null && intake.request(new RequestId(command.fromRequest())).isEmpty()) {
            return new Creation(named, 0, Decision.reject(Code.NOT_FOUND,
                    "There is no intake request '" + command.fromRequest() + "'"));
        }
        Decision decision = decider(model.get().number()).create(actor, command, parent);
        return new Creation(named != null ? named : "item-" + ids.get(), model.get().number(), decision);
    }

    /** Moves the in-memory items on by a creation recorded with another stream's events (an accepted request). */
    void created(List<RecordedEvent> recorded) {
        synchronized (locks.item(recorded.get(0).stream())) {
            items.recorded(null, recorded);
        }
    }

    /**
     * Decides and records a command on an item.
     *
     * @param expectedVersion the item's version the actor saw; null to decide on the current one
     * @param commandId       idempotency key (null: none); a retry returns the first attempt's events
     */
    public CommandResult handle(WorkItemId id, Long expectedVersion, String commandId, Actor actor,
                                WorkItemCommand command) {
        long started = System.nanoTime();
        if (command instanceof CreateItem create) {
            return observed(command, started, createUnobserved(id, commandId, actor, create));
        }
        return observed(command, started, handleUnobserved(id, expectedVersion, commandId, actor, command));
    }

    private CommandResult handleUnobserved(WorkItemId id, Long expectedVersion, String commandId, Actor actor,
                                           WorkItemCommand command) {
        catchUpIfBehind();
        String stream = id.value();
        synchronized (locks.item(stream)) {
            for (int attempt = 0; ; attempt++) {
                WorkItem item = attempt == 0 ? items.get(stream) : items.reload(stream);
                if (item == null) {
                    return items.rejectedUnlessRetried(commandId, stream, new Rejection(Code.NOT_FOUND,
                            "There is no work item '" + id + "'"), 0);
                }
                if (expectedVersion != null && expectedVersion != item.version()) {
                    if (attempt == 0 && expectedVersion > item.version()) {
                        continue; // another server moved it on and this one has not heard yet: reread
                    }
                    return items.rejectedUnlessRetried(commandId, stream,
                            Recorder.stale("item", expectedVersion, item.version()), item.version());
                }
                Decision decision = decider(item.modelVersion()).decide(item, actor, command);
                if (decision.rejected()) {
                    return items.rejectedUnlessRetried(commandId, stream, decision.rejection(), item.version());
                }
                try {
                    return items.recorded(stream, recorder.append(stream, item.version(), commandId, actor,
                            item.workType(), item.modelVersion(), decision.events()));
                } catch (ConcurrencyConflict e) {
                    if (expectedVersion != null || attempt == 2) {
                        items.reload(stream);
                        return items.rejectedUnlessRetried(commandId, stream,
                                Recorder.stale("item", item.version(), e.currentVersion()), e.currentVersion());
                    }
                }
            }
        }
    }

    public Optional<WorkItem> item(WorkItemId id) {
        return Optional.ofNullable(items.get(id.value()));
    }

    /** Items matching the filter, oldest first. */
    public List<WorkItem> items(ItemFilter filter) {
        return candidates(filter).stream().filter(filter::matches)
                .sorted(Comparator.comparing(WorkItem::createdAt).thenComparing(i -> i.id().value())).toList();
    }

    /**
     * Items matching the filter in no particular order: for counts and boards over many items,
     * which would otherwise sort every item only to count them or show a few.
     */
    public Stream<WorkItem> matching(ItemFilter filter) {
        return candidates(filter).stream().filter(filter::matches);
    }

    /** Open (not completed) items per owner over all work types: each person's work in progress. */
    public Map<String, Long> openByOwner() {
        return index.openByOwner();
    }

    /** The items a filter can match: only its work type's when it names one. */
    private Collection<WorkItem> candidates(ItemFilter filter) {
        return filter.workType() == null ? items.all() : index.ofWorkType(filter.workType());
    }

    /** Every event of an item, oldest first. */
    public List<RecordedEvent> history(WorkItemId id) {
        return store.read(id.value());
    }

    // ---- intake

    /** Submits a request through a form of the current model; {@code id} null: a generated one. */
    public CommandResult submit(RequestId id, String commandId, Actor actor, SubmitRequest command) {
        long started = System.nanoTime();
        catchUpIfBehind();
        return observed(command, started, intake.submit(id, commandId, actor, command));
    }

    /** Accepts (creating the work item), declines or defers a request. */
    public CommandResult decide(RequestId id, Long expectedVersion, String commandId, Actor actor,
                                IntakeCommand command) {
        long started = System.nanoTime();
        catchUpIfBehind();
        return observed(command, started, intake.decide(id, expectedVersion, commandId, actor, command));
    }

    public Optional<IntakeRequest> request(RequestId id) {
        return intake.request(id);
    }

    /** Every request, oldest first, whatever its status. */
    public List<IntakeRequest> requests() {
        return intake.requests();
    }

    /** The intake queue: open requests and deferred ones whose date has come, best score first. */
    public List<QueuedRequest> queue() {
        return intake.queue();
    }

    // ---- migration

    /**
     * What migrating the open items of one model version to another would do, item by item;
     * records nothing.
     */
    public MigrationPlan planMigration(MigrationRequest request) {
        return migrations.plan(request);
    }

    /**
     * Migrates the items of {@link #planMigration} that can move: one {@code ItemMigrated} each,
     * all in one transaction, or none. Items already migrated by the same request record nothing
     * again, so applying twice is harmless; {@code commandId} (null: none) keys each item's part.
     * Who may migrate is the app's decision (ops and admins), as for uploading a model.
     */
    public MigrationResult migrate(MigrationRequest request, Actor actor, String commandId) {
        return migrations.apply(request, actor, commandId);
    }

    // ---- learning

    /** Post-mortems, insights, their follow-up work and proposed model changes (docs/learning-loops.md). */
    public Learning learning() {
        return learning;
    }

    // ---- assistants

    /** Assistants' drafts offered, taken or discarded by people, and assistants enabled by admins (docs/assist.md). */
    public Assistance assistance() {
        return assistance;
    }

    // ---- internals

    /** Moves the in-memory item on by events appended with other streams' (a migration). */
    void recordedElsewhere(List<RecordedEvent> recorded) {
        created(recorded);
    }

    /** Rereads an item from the store after a conflict. */
    void reload(String stream) {
        synchronized (locks.item(stream)) {
            items.reload(stream);
        }
    }

    WorkItemDecider decider(int modelVersion) {
        WorkItemDecider known = deciders.get(modelVersion);
        return known != null ? known : deciders.computeIfAbsent(modelVersion, n -> new WorkItemDecider(versions.get(n)
                .orElseThrow(() -> new IllegalStateException("model version " + n + " is not stored")).model()));
    }

    /**
     * Another process appended to the store (a server next to this one on the same database, told
     * by the database): the next command catches up first, so that it is decided on what the log
     * holds, not refused by the store's version check and decided again.
     */
    public void logMoved() {
        behind = true;
    }

    private void catchUpIfBehind() {
        if (behind) {
            synchronized (catchingUp) {
                // commands that waited here while another caught up need not read the log again
                if (behind) {
                    catchUp();
                }
            }
        }
    }

    /**
     * Moves the items and requests in memory on by the events appended since the last catch-up,
     * and learns the model versions stored since: at start the whole log, later only what other
     * processes appended (this process's own events are known already and skipped). Other servers
     * on the same database call it when told of new events (docs/cluster.md); it is cheap when
     * nothing is new (one query).
     */
    public void catchUp() {
        synchronized (catchingUp) {
            behind = false;
            versions.refresh();
            while (true) {
                List<RecordedEvent> page = store.readAll(caughtUpTo, PAGE);
                for (RecordedEvent e : page) {
                    if (e.event() instanceof WorkItemEvent) {
                        synchronized (locks.item(e.stream())) {
                            items.caughtUp(e);
                        }
                    } else if (e.event() instanceof IntakeEvent) {
                        intake.caughtUp(e);
                    }
                    caughtUpTo = e.position();
                }
                if (page.size() < PAGE) {
                    return;
                }
            }
        }
    }
}
