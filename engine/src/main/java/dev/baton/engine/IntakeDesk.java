package dev.baton.engine;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.event.StreamAppend;
import dev.baton.engine.intake.IntakeCommand;
import dev.baton.engine.intake.IntakeCommand.AcceptRequest;
import dev.baton.engine.intake.IntakeCommand.SubmitRequest;
import dev.baton.engine.intake.IntakeDecider;
import dev.baton.engine.intake.IntakeDecision;
import dev.baton.engine.intake.IntakeRequest;
import dev.baton.engine.intake.PriorityScore;
import dev.baton.engine.intake.QueuedRequest;
import dev.baton.engine.intake.RequestId;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import dev.baton.model.Prioritization;
import dev.baton.model.Template;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Intake requests: submitted through forms, ranked in a queue, accepted into work, declined or deferred. */
final class IntakeDesk {

    private final Engine engine;
    private final Recorder recorder;
    private final ModelVersions versions;
    private final Clock clock;
    private final Streams<IntakeRequest> requests;
    private final Supplier<String> ids;
    private final Map<Integer, IntakeDecider> deciders = new ConcurrentHashMap<>();
    private final Locks locks = new Locks();

    IntakeDesk(Engine engine, Recorder recorder, ModelVersions versions, Clock clock, Supplier<String> ids) {
        this.engine = engine;
        this.ids = ids;
        this.requests = new Streams<>(engine.store(), IntakeRequest::submitted, IntakeRequest::apply,
                IntakeRequest::version);
        this.recorder = recorder;
        this.versions = versions;
        this.clock = clock;
    }

    CommandResult submit(RequestId id, String commandId, Actor actor, SubmitRequest command) {
        String named = id == null ? null : id.value();
        Optional<ModelVersion> model = versions.current();
        if (model.isEmpty()) {
            return requests.rejectedUnlessRetried(commandId, named, new Rejection(Code.WRONG_STATE,
                    "No operating model has been uploaded yet; upload one before taking requests"), 0);
        }
        IntakeDecider decider = decider(model.get().number());
        IntakeDecision decision = decider.submit(actor, command);
        if (decision.rejected()) {
            return requests.rejectedUnlessRetried(commandId, named, decision.rejection(), 0);
        }
        String workType = decider.form(command.form()).workType();
        String stream = named != null ? named : "request-" + ids.get();
        synchronized (locks.request(stream)) {
            try {
                return requests.recorded(named, recorder.append(stream, 0, commandId, actor, workType,
                        model.get().number(), List.of(decision.event())));
            } catch (ConcurrencyConflict e) {
                return requests.rejectedUnlessRetried(commandId, named, new Rejection(Code.WRONG_STATE,
                        "There is already a request '" + stream + "'"), e.currentVersion());
            }
        }
    }

    CommandResult decide(RequestId id, Long expectedVersion, String commandId, Actor actor, IntakeCommand command) {
        if (command instanceof SubmitRequest submit) {
            return submit(id, commandId, actor, submit);
        }
        String stream = id.value();
        synchronized (locks.request(stream)) {
            for (int attempt = 0; ; attempt++) {
                CommandResult result = decideOnce(id, expectedVersion, commandId, actor, command, attempt);
                if (result != null) {
                    return result;
                }
            }
        }
    }

    /**
     * One attempt at a decision, on the request as this process knows it (attempt 0) or as the
     * store has it now (later attempts); null when another process changed the request meanwhile
     * and the caller named no version: then it is decided again on the fresh state.
     */
    private CommandResult decideOnce(RequestId id, Long expectedVersion, String commandId, Actor actor,
                                     IntakeCommand command, int attempt) {
        String stream = id.value();
        IntakeRequest request = attempt == 0 ? requests.get(stream) : requests.reload(stream);
        if (request == null) {
            return requests.rejectedUnlessRetried(commandId, stream, new Rejection(Code.NOT_FOUND,
                    "There is no intake request '" + id + "'"), 0);
        }
        if (expectedVersion != null && expectedVersion != request.version()) {
            if (attempt == 0 && expectedVersion > request.version()) {
                return null; // another server moved it on and this one has not heard yet: reread
            }
            return requests.rejectedUnlessRetried(commandId, stream,
                    Recorder.stale("request", expectedVersion, request.version()), request.version());
        }
        IntakeDecider decider = decider(request.modelVersion());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (command instanceof AcceptRequest) {
            return accept(request, commandId, actor, command, decider, today, retry(expectedVersion, attempt));
        }
        IntakeDecision decision = decider.decide(request, actor, command, today, null);
        if (decision.rejected()) {
            return requests.rejectedUnlessRetried(commandId, stream, decision.rejection(), request.version());
        }
        try {
            return requests.recorded(stream, recorder.append(stream, request.version(), commandId, actor,
                    request.workType(), request.modelVersion(), List.of(decision.event())));
        } catch (ConcurrencyConflict e) {
            if (retry(expectedVersion, attempt)) {
                return null;
            }
            requests.reload(stream);
            return requests.rejectedUnlessRetried(commandId, stream,
                    Recorder.stale("request", request.version(), e.currentVersion()), e.currentVersion());
        }
    }

    /** Whether a conflict is decided again on fresh state: when the caller named no version, twice at most. */
    private static boolean retry(Long expectedVersion, int attempt) {
        return expectedVersion == null && attempt < 2;
    }

    /**
     * Records the new item's creation and the request's acceptance in one append to both streams,
     * so the log never holds an accepted request without its item, nor an item from a request that
     * was never accepted. The item's part carries a command id derived from the accept's, so a
     * retried accept records neither twice.
     */
    private CommandResult accept(IntakeRequest request, String commandId, Actor actor, IntakeCommand command,
                                 IntakeDecider decider, LocalDate today, boolean retry) {
        String stream = request.id().value();
        // Check status and rights before deciding the item, so a refused accept explains itself as one.
        IntakeDecision check = decider.decide(request, actor, command, today, null);
        if (check.rejected()) {
            return requests.rejectedUnlessRetried(commandId, stream, check.rejection(), request.version());
        }
        Engine.Creation item = engine.decideCreation(null, actor,
                new CreateItem(request.workType(), request.title(), carriedOver(request), null, stream));
        if (item.decision().rejected()) {
            return requests.rejectedUnlessRetried(commandId, stream, item.decision().rejection(), request.version());
        }
        IntakeDecision decision = decider.decide(request, actor, command, today, item.stream());
        if (decision.rejected()) {
            return requests.rejectedUnlessRetried(commandId, stream, decision.rejection(), request.version());
        }
        Instant at = recorder.now();
        try {
            List<List<RecordedEvent>> recorded = recorder.appendAll(List.of(
                    new StreamAppend(item.stream(), 0, commandId == null ? null : commandId + ":item",
                            Recorder.pending(at, actor, request.workType(), item.modelVersion(),
                                    item.decision().events())),
                    new StreamAppend(stream, request.version(), commandId, Recorder.pending(at, actor,
                            request.workType(), request.modelVersion(), List.of(decision.event())))));
            engine.created(recorded.get(0));
            return requests.recorded(stream, recorded.get(1));
        } catch (ConcurrencyConflict e) {
            if (retry && e.stream().equals(stream)) {
                return null;
            }
            requests.reload(stream);
            long current = e.stream().equals(stream) ? e.currentVersion() : request.version();
            Rejection rejection = e.stream().equals(stream)
                    ? Recorder.stale("request", request.version(), e.currentVersion())
                    : new Rejection(Code.WRONG_STATE, "There is already a work item '" + item.stream() + "'");
            return requests.rejectedUnlessRetried(commandId, stream, rejection, current);
        }
    }

    Optional<IntakeRequest> request(RequestId id) {
        return Optional.ofNullable(requests.get(id.value()));
    }

    List<IntakeRequest> requests() {
        return requests.all().stream()
                .sorted(Comparator.comparing(IntakeRequest::submittedAt).thenComparing(r -> r.id().value())).toList();
    }

    List<QueuedRequest> queue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Prioritization scheme = versions.current().map(v -> v.model().intake())
                .map(dev.baton.model.Intake::prioritization).orElse(null);
        record Scored(IntakeRequest request, PriorityScore score) {
        }
        List<Scored> scored = requests().stream().filter(r -> r.queued(today))
                .map(r -> new Scored(r, PriorityScore.of(scheme, r.fields())))
                .sorted(Comparator.comparing((Scored s) -> s.score().value() == null ? Double.NEGATIVE_INFINITY
                        : s.score().value()).reversed())
                .toList();
        List<QueuedRequest> queue = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            queue.add(new QueuedRequest(queue.size() + 1, s.request(), s.score()));
        }
        return queue;
    }

    void caughtUp(RecordedEvent e) {
        synchronized (locks.request(e.stream())) {
            requests.caughtUp(e);
        }
    }

    /** The request's fields that the new item's template has (the form's template may be another one). */
    private Map<String, Object> carriedOver(IntakeRequest request) {
        OperatingModel model = versions.current().orElseThrow().model();
        Template template = model.workType(request.workType()).map(w -> w.template())
                .flatMap(model::template).orElse(null);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (template != null) {
            request.fields().forEach((k, v) -> {
                if (template.field(k).isPresent()) {
                    fields.put(k, v);
                }
            });
        }
        return fields;
    }

    private IntakeDecider decider(int modelVersion) {
        return deciders.computeIfAbsent(modelVersion, n -> new IntakeDecider(versions.get(n)
                .orElseThrow(() -> new IllegalStateException("model version " + n + " is not stored")).model()));
    }
}
