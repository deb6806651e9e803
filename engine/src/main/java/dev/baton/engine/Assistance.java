package dev.baton.engine;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.assist.AssistCommand.AcceptDraft;
import dev.baton.engine.assist.AssistCommand.DiscardDraft;
import dev.baton.engine.assist.AssistCommand.EnableAssistant;
import dev.baton.engine.assist.AssistCommand.OfferDraft;
import dev.baton.engine.assist.AssistDecider;
import dev.baton.engine.assist.AssistDraft;
import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.event.StreamAppend;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Assistants' drafts through the engine (docs/assist.md): a draft offered to a person, then taken
 * or discarded by them, each decided by {@link AssistDecider} and recorded in the draft's own
 * stream ({@code assist:draft-…}). Taking a brief creates its work item by the person's own create
 * command, decided by the work item's rules as any create is, in the same append as the
 * {@code DraftAccepted} that names the assistant: both or neither.
 */
public final class Assistance {

    /** Drafts' ids start so; their streams are {@link AssistEvent#draftStream}. */
    public static final String DRAFT_PREFIX = "draft-";

    private final Engine engine;
    private final Recorder recorder;
    private final ModelVersions versions;
    private final Supplier<String> ids;
    private final Locks locks = new Locks();
    private final Streams<AssistDraft> drafts;

    Assistance(Engine engine, Recorder recorder, ModelVersions versions, Supplier<String> ids) {
        this.engine = engine;
        this.recorder = recorder;
        this.versions = versions;
        this.ids = ids;
        this.drafts = new Streams<>(engine.store(), AssistDraft::start, AssistDraft::apply, AssistDraft::version);
    }

    /** Offers a draft under a new id; the result's stream is the draft's stream. */
    public CommandResult offer(String commandId, Actor actor, OfferDraft command) {
        Optional<ModelVersion> model = versions.current();
        if (model.isEmpty()) {
            return noModel(commandId);
        }
        String id = DRAFT_PREFIX + ids.get();
        AssistDecider.Decision decision = AssistDecider.offer(id, command);
        if (decision.rejected()) {
            return drafts.rejectedUnlessRetried(commandId, null, decision.rejection(), 0);
        }
        String stream = AssistEvent.draftStream(id);
        try {
            return drafts.recorded(null, recorder.append(stream, 0, commandId, actor, command.workType(),
                    model.get().number(), decision.events()));
        } catch (ConcurrencyConflict e) {
            return drafts.rejectedUnlessRetried(commandId, null, new Rejection(Code.WRONG_STATE,
                    "There is already a draft '" + id + "'; try again"), e.currentVersion());
        }
    }

    /**
     * Takes a draft. With a create command, the result is the new item's (its stream and events);
     * otherwise the draft's.
     */
    public CommandResult accept(String draftId, String commandId, Actor actor, AcceptDraft command) {
        String stream = AssistEvent.draftStream(draftId);
        synchronized (locks.item(stream)) {
            AssistDraft draft = drafts.get(stream);
            long version = draft == null ? 0 : draft.version();
            if (command.create() == null) {
                AssistDecider.Decision decision = AssistDecider.accept(draftId, draft, command, null);
                return record(draftId, draft, commandId, actor, decision);
            }
            Engine.Creation item = engine.decideCreation(null, actor, command.create());
            AssistDecider.Decision decision = AssistDecider.accept(draftId, draft, command, item.stream());
            if (decision.rejected()) {
                return drafts.rejectedUnlessRetried(commandId, null, decision.rejection(), version);
            }
            if (item.decision().rejected()) {
                return drafts.rejectedUnlessRetried(commandId, null, item.decision().rejection(), version);
            }
            Instant at = recorder.now();
            try {
                List<List<RecordedEvent>> recorded = recorder.appendAll(List.of(
                        new StreamAppend(item.stream(), 0, commandId, Recorder.pending(at, actor,
                                command.create().workType(), item.modelVersion(), item.decision().events())),
                        new StreamAppend(stream, version, commandId == null ? null : commandId + ":draft",
                                Recorder.pending(at, actor, draft.workType(), item.modelVersion(), decision.events()))));
                drafts.recorded(stream, recorded.get(1));
                engine.created(recorded.get(0));
                List<RecordedEvent> created = recorded.get(0);
                return new CommandResult.Recorded(item.stream(), created.get(created.size() - 1).version(), created,
                        false);
            } catch (ConcurrencyConflict e) {
                drafts.reload(stream);
                return drafts.rejectedUnlessRetried(commandId, null, e.stream().equals(stream)
                        ? new Rejection(Code.WRONG_STATE, "Someone decided this draft meanwhile; reload it")
                        : new Rejection(Code.WRONG_STATE, "There is already a work item '" + item.stream() + "'"), version);
            }
        }
    }

    /** Throws a draft away, with an optional reason. */
    public CommandResult discard(String draftId, String commandId, Actor actor, DiscardDraft command) {
        String stream = AssistEvent.draftStream(draftId);
        synchronized (locks.item(stream)) {
            AssistDraft draft = drafts.get(stream);
            return record(draftId, draft, commandId, actor, AssistDecider.discard(draftId, draft, command));
        }
    }

    /** Records an admin's enabling of an assistant where its gate fails (the app checks the role). */
    public CommandResult enable(String commandId, Actor actor, EnableAssistant command) {
        Optional<ModelVersion> model = versions.current();
        if (model.isEmpty()) {
            return noModel(commandId);
        }
        AssistDecider.Decision decision = AssistDecider.enable(command);
        if (decision.rejected()) {
            return drafts.rejectedUnlessRetried(commandId, null, decision.rejection(), 0);
        }
        String stream = AssistEvent.enabledStream(command.assistant(), command.workType());
        synchronized (locks.item(stream)) {
            for (int attempt = 0; ; attempt++) {
                long version = engine.store().version(stream);
                try {
                    List<RecordedEvent> recorded = recorder.append(stream, version, commandId, actor, command.workType(),
                            model.get().number(), decision.events());
                    return new CommandResult.Recorded(stream, recorded.get(recorded.size() - 1).version(), recorded,
                            recorded.get(0).version() <= version);
                } catch (ConcurrencyConflict e) {
                    if (attempt == 2) {
                        return new CommandResult.Rejected(Recorder.stale("assistant", version, e.currentVersion()),
                                e.currentVersion());
                    }
                }
            }
        }
    }

    /** A draft by its id ({@code draft-…}). */
    public Optional<AssistDraft> draft(String id) {
        return Optional.ofNullable(drafts.get(AssistEvent.draftStream(id)));
    }

    private CommandResult record(String draftId, AssistDraft draft, String commandId, Actor actor,
                                 AssistDecider.Decision decision) {
        String stream = AssistEvent.draftStream(draftId);
        if (decision.rejected()) {
            return drafts.rejectedUnlessRetried(commandId, stream, decision.rejection(), draft == null ? 0 : draft.version());
        }
        try {
            return drafts.recorded(stream, recorder.append(stream, draft.version(), commandId, actor, draft.workType(),
                    versions.current().map(ModelVersion::number).orElse(0),
                    decision.events()));
        } catch (ConcurrencyConflict e) {
            drafts.reload(stream);
            return drafts.rejectedUnlessRetried(commandId, stream, new Rejection(Code.WRONG_STATE,
                    "Someone decided this draft meanwhile; reload it"), e.currentVersion());
        }
    }

    private CommandResult noModel(String commandId) {
        return drafts.rejectedUnlessRetried(commandId, null, new Rejection(Code.WRONG_STATE,
                "No operating model has been uploaded yet; upload one first"), 0);
    }
}
