package dev.baton.engine;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.RecordedEvent;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Intake requests: submitted through forms, ranked in a queue, accepted into work, declined or deferred. */
final class IntakeDesk {

    private final Engine engine;
    private final Recorder recorder;
    private final ModelVersions versions;
    private final Clock clock;
    private final Map<String, IntakeRequest> requests = new ConcurrentHashMap<>();
    private final Map<Integer, IntakeDecider> deciders = new ConcurrentHashMap<>();
    private final Locks locks = new Locks();

    IntakeDesk(Engine engine, Recorder recorder, ModelVersions versions, Clock clock) {
        this.engine = engine;
        this.recorder = recorder;
        this.versions = versions;
        this.clock = clock;
    }

    CommandResult submit(RequestId id, String commandId, Actor actor, SubmitRequest command) {
        Optional<CommandResult> earlier = recorder.earlier(commandId, null);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<ModelVersion> model = versions.current();
        if (model.isEmpty()) {
            return new CommandResult.Rejected(new Rejection(Code.WRONG_STATE,
                    "No operating model has been uploaded yet; upload one before taking requests"), 0);
        }
        IntakeDecider decider = decider(model.get().number());
        IntakeDecision decision = decider.submit(actor, command);
        if (decision.rejected()) {
            return new CommandResult.Rejected(decision.rejection(), 0);
        }
        String workType = decider.form(command.form()).workType();
        synchronized (locks.request(id.value())) {
            try {
                return remember(recorder.append(id.value(), 0, commandId, actor, workType, model.get().number(),
                        List.of(decision.event())));
            } catch (ConcurrencyConflict e) {
                return new CommandResult.Rejected(new Rejection(Code.WRONG_STATE, "There is already a request '"
                        + id + "'"), e.currentVersion());
            }
        }
    }

    CommandResult decide(RequestId id, Long expectedVersion, String commandId, Actor actor, IntakeCommand command) {
        if (command instanceof SubmitRequest submit) {
            return submit(id, commandId, actor, submit);
        }
        Optional<CommandResult> earlier = recorder.earlier(commandId, id.value());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        synchronized (locks.request(id.value())) {
            IntakeRequest request = request(id).orElse(null);
            if (request == null) {
                return new CommandResult.Rejected(new Rejection(Code.NOT_FOUND, "There is no intake request '" + id
                        + "'"), 0);
            }
            if (expectedVersion != null && expectedVersion != request.version()) {
                return new CommandResult.Rejected(Recorder.stale("request", expectedVersion, request.version()),
                        request.version());
            }
            IntakeDecider decider = decider(request.modelVersion());
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            String itemId = null;
            if (command instanceof AcceptRequest) {
                // Check status and rights before creating anything, so a refused accept leaves no item behind.
                IntakeDecision check = decider.decide(request, actor, command, today, null);
                if (check.rejected()) {
                    return new CommandResult.Rejected(check.rejection(), request.version());
                }
                CommandResult created = engine.create(null, commandId == null ? null : commandId + ":item", actor,
                        new CreateItem(request.workType(), request.title(), carriedOver(request), null,
                                id.value()));
                if (created instanceof CommandResult.Rejected r) {
                    return new CommandResult.Rejected(r.rejection(), request.version());
                }
                itemId = ((CommandResult.Recorded) created).stream();
            }
            IntakeDecision decision = decider.decide(request, actor, command, today, itemId);
            if (decision.rejected()) {
                return new CommandResult.Rejected(decision.rejection(), request.version());
            }
            try {
                return remember(recorder.append(id.value(), request.version(), commandId, actor, request.workType(),
                        request.modelVersion(), List.of(decision.event())));
            } catch (ConcurrencyConflict e) {
                requests.remove(id.value());
                return new CommandResult.Rejected(Recorder.stale("request", request.version(), e.currentVersion()),
                        e.currentVersion());
            }
        }
    }

    Optional<IntakeRequest> request(RequestId id) {
        IntakeRequest request = requests.get(id.value());
        if (request == null) {
            request = IntakeRequest.replay(engine.store().read(id.value()));
            if (request != null) {
                requests.put(id.value(), request);
            }
        }
        return Optional.ofNullable(request);
    }

    List<IntakeRequest> requests() {
        return requests.values().stream()
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
        IntakeRequest state = requests.get(e.stream());
        IntakeRequest next = state == null ? IntakeRequest.submitted(e) : state.apply(e);
        if (next != null) {
            requests.put(e.stream(), next);
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

    private CommandResult remember(List<RecordedEvent> recorded) {
        String stream = recorded.get(0).stream();
        IntakeRequest before = requests.get(stream);
        long first = recorded.get(0).version();
        if (first == 1 || before != null && before.version() == first - 1) {
            IntakeRequest state = before;
            for (RecordedEvent e : recorded) {
                state = state == null ? IntakeRequest.submitted(e) : state.apply(e);
            }
            requests.put(stream, state);
            return new CommandResult.Recorded(stream, state.version(), recorded, false);
        }
        requests.remove(stream);
        return Recorder.replayed(recorded);
    }

    private IntakeDecider decider(int modelVersion) {
        return deciders.computeIfAbsent(modelVersion, n -> new IntakeDecider(versions.get(n)
                .orElseThrow(() -> new IllegalStateException("model version " + n + " is not stored")).model()));
    }
}
