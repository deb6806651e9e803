package dev.baton.engine;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.event.StreamAppend;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.learning.Insight;
import dev.baton.engine.learning.LearningCommand.AcceptModelChange;
import dev.baton.engine.learning.LearningCommand.CreateFollowUp;
import dev.baton.engine.learning.LearningCommand.DeclineModelChange;
import dev.baton.engine.learning.LearningCommand.ProposeModelChange;
import dev.baton.engine.learning.LearningCommand.RecordInsight;
import dev.baton.engine.learning.LearningCommand.WritePostMortem;
import dev.baton.engine.learning.LearningDecider;
import dev.baton.engine.learning.LearningDecision;
import dev.baton.engine.learning.LearningEvent;
import dev.baton.engine.learning.LearningEvent.FollowUpCreated;
import dev.baton.engine.learning.LearningEvent.ModelChangeAccepted;
import dev.baton.engine.learning.ModelChangeProposal;
import dev.baton.engine.learning.PostMortem;
import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Learning loops through the engine (docs/learning-loops.md): post-mortems of finished work,
 * insights, the follow-up work they start and the changes to the operating model they propose,
 * each decided by {@link LearningDecider} and recorded as past-tense events in the same log as
 * the work. Accepting a change stores the new model version through {@link ModelVersions#upload},
 * as an upload or the model editor's save does, then records who accepted it. Who may accept or
 * decline is the app's role check (ops and admins), as for uploading a model.
 */
public final class Learning {

    /** The stream id prefixes of insights and proposed changes; post-mortems are {@code post-mortem:<item>}. */
    public static final String INSIGHT_PREFIX = "insight-";
    public static final String CHANGE_PREFIX = "change-";

    private final Engine engine;
    private final Recorder recorder;
    private final ModelVersions versions;
    private final Supplier<String> ids;
    private final Locks locks = new Locks();
    private final Streams<PostMortem> postMortems;
    private final Streams<Insight> insights;
    private final Streams<ModelChangeProposal> proposals;

    Learning(Engine engine, Recorder recorder, ModelVersions versions, Supplier<String> ids) {
        this.engine = engine;
        this.recorder = recorder;
        this.versions = versions;
        this.ids = ids;
        this.postMortems = new Streams<>(engine.store(), PostMortem::start, PostMortem::apply, PostMortem::version);
        this.insights = new Streams<>(engine.store(), Insight::start, Insight::apply, Insight::version);
        this.proposals = new Streams<>(engine.store(), ModelChangeProposal::start, ModelChangeProposal::apply,
                ModelChangeProposal::version);
    }

    /**
     * Writes the post-mortem of a completed item (again: the latest text stands).
     *
     * @param expectedVersion the post-mortem's version the writer saw (0: none yet; null: decide on the current one)
     */
    public CommandResult writePostMortem(Long expectedVersion, String commandId, Actor actor, WritePostMortem command) {
        String stream = LearningEvent.postMortemStream(command.item());
        synchronized (locks.item(stream)) {
            PostMortem current = postMortems.get(stream);
            long version = current == null ? 0 : current.version();
            if (expectedVersion != null && expectedVersion != version) {
                return postMortems.rejectedUnlessRetried(commandId, stream, Recorder.stale("post-mortem", expectedVersion,
                        version), version);
            }
            Optional<ModelVersion> model = versions.current();
            if (model.isEmpty()) {
                return noModel(postMortems, commandId, stream);
            }
            WorkItem item = engine.item(new WorkItemId(command.item())).orElse(null);
            LearningDecision decision = new LearningDecider(model.get().model()).writePostMortem(item, actor, command);
            if (decision.rejected()) {
                return postMortems.rejectedUnlessRetried(commandId, stream, decision.rejection(), version);
            }
            try {
                return postMortems.recorded(stream, recorder.append(stream, version, commandId, actor, item.workType(),
                        model.get().number(), decision.events()));
            } catch (ConcurrencyConflict e) {
                postMortems.reload(stream);
                return postMortems.rejectedUnlessRetried(commandId, stream, Recorder.stale("post-mortem", version,
                        e.currentVersion()), e.currentVersion());
            }
        }
    }

    /**
     * Records an insight under a new id ({@code insight-…}); with a change, the change is proposed in
     * the same append, both or neither. The result is the insight's.
     */
    public CommandResult recordInsight(String commandId, Actor actor, RecordInsight command) {
        Optional<ModelVersion> model = versions.current();
        if (model.isEmpty()) {
            return noModel(insights, commandId, null);
        }
        LearningDecider decider = new LearningDecider(model.get().model());
        boolean sourceFound = command.sourceRef() != null
                && postMortems.get(LearningEvent.postMortemStream(command.sourceRef().strip())) != null;
        LearningDecision decision = decider.recordInsight(actor, command, sourceFound);
        if (decision.rejected()) {
            return insights.rejectedUnlessRetried(commandId, null, decision.rejection(), 0);
        }
        String stream = INSIGHT_PREFIX + ids.get();
        List<StreamAppend> parts = new ArrayList<>();
        Instant at = recorder.now();
        parts.add(new StreamAppend(stream, 0, commandId, Recorder.pending(at, actor, null, model.get().number(),
                decision.events())));
        String change = null;
        if (command.change() != null) {
            LearningDecision proposed = decider.propose(stream, model.get().source(), model.get().number(), actor,
                    command.change());
            if (proposed.rejected()) {
                return insights.rejectedUnlessRetried(commandId, null, proposed.rejection(), 0);
            }
            change = CHANGE_PREFIX + ids.get();
            parts.add(new StreamAppend(change, 0, commandId == null ? null : commandId + ":change",
                    Recorder.pending(at, actor, null, model.get().number(), proposed.events())));
        }
        try {
            List<List<RecordedEvent>> recorded = recorder.appendAll(parts);
            if (change != null) {
                proposals.recorded(change, recorded.get(1));
            }
            return insights.recorded(null, recorded.get(0));
        } catch (ConcurrencyConflict e) {
            return insights.rejectedUnlessRetried(commandId, null, new Rejection(Code.WRONG_STATE,
                    "There is already a stream '" + e.stream() + "'; try again"), 0);
        }
    }

    /** Proposes a change to the current model version from an insight, under a new id ({@code change-…}). */
    public CommandResult propose(String insight, String commandId, Actor actor, ProposeModelChange command) {
        Optional<ModelVersion> model = versions.current();
        if (model.isEmpty()) {
            return noModel(proposals, commandId, null);
        }
        if (insights.get(insight) == null) {
            return proposals.rejectedUnlessRetried(commandId, null, new Rejection(Code.NOT_FOUND,
                    "There is no insight '" + insight + "'"), 0);
        }
        LearningDecision decision = new LearningDecider(model.get().model()).propose(insight, model.get().source(),
                model.get().number(), actor, command.change());
        if (decision.rejected()) {
            return proposals.rejectedUnlessRetried(commandId, null, decision.rejection(), 0);
        }
        String stream = CHANGE_PREFIX + ids.get();
        try {
            return proposals.recorded(null, recorder.append(stream, 0, commandId, actor, null, model.get().number(),
                    decision.events()));
        } catch (ConcurrencyConflict e) {
            return proposals.rejectedUnlessRetried(commandId, null, new Rejection(Code.WRONG_STATE,
                    "There is already a proposal '" + stream + "'; try again"), e.currentVersion());
        }
    }

    /**
     * Creates a work item to act on an insight: the item's {@code ItemCreated} (decided as any create
     * is) and the insight's {@code FollowUpCreated} in one append, both or neither. The result is the
     * item's; a retry (same command id) records neither twice.
     */
    public CommandResult createFollowUp(String insight, WorkItemId id, String commandId, Actor actor, CreateFollowUp command) {
        synchronized (locks.item(insight)) {
            Insight current = insights.get(insight);
            if (current == null) {
                return insights.rejectedUnlessRetried(commandId, null, new Rejection(Code.NOT_FOUND,
                        "There is no insight '" + insight + "'"), 0);
            }
            Engine.Creation item = engine.decideCreation(id == null ? null : id.value(), actor, command.item());
            if (item.decision().rejected()) {
                return insights.rejectedUnlessRetried(commandId, null, item.decision().rejection(), current.version());
            }
            Instant at = recorder.now();
            try {
                List<List<RecordedEvent>> recorded = recorder.appendAll(List.of(
                        new StreamAppend(item.stream(), 0, commandId, Recorder.pending(at, actor, command.item().workType(),
                                item.modelVersion(), item.decision().events())),
                        new StreamAppend(insight, current.version(), commandId == null ? null : commandId + ":follow-up",
                                Recorder.pending(at, actor, null, current.modelVersion(), List.of(new FollowUpCreated(
                                        item.stream(), command.item().workType(), command.item().title()))))));
                insights.recorded(insight, recorded.get(1));
                engine.created(recorded.get(0));
                return new CommandResult.Recorded(item.stream(), recorded.get(0).get(recorded.get(0).size() - 1).version(),
                        recorded.get(0), false);
            } catch (ConcurrencyConflict e) {
                insights.reload(insight);
                return insights.rejectedUnlessRetried(commandId, null, e.stream().equals(insight)
                        ? Recorder.stale("insight", current.version(), e.currentVersion())
                        : new Rejection(Code.WRONG_STATE, "There is already a work item '" + item.stream() + "'"),
                        current.version());
            }
        }
    }

    /**
     * Accepts a proposed change: written into the current version's text (again, when a newer
     * version than the one it was proposed on is current), stored as the next model version through
     * {@link ModelVersions#upload}, then {@code ModelChangeAccepted} with that version's number. The
     * registry is held while the change is written and stored, so no other upload slips in between.
     */
    public CommandResult accept(String proposal, Long expectedVersion, String commandId, Actor actor,
                                AcceptModelChange command) {
        synchronized (locks.item(proposal)) {
            ModelChangeProposal current = proposals.get(proposal);
            Rejection before = checked(proposal, current, expectedVersion);
            if (before != null) {
                return proposals.rejectedUnlessRetried(commandId, proposal, before, current == null ? 0 : current.version());
            }
            synchronized (versions) {
                ModelVersion model = versions.current().orElseThrow();
                LearningDecider.Rewrite rewrite = new LearningDecider(model.model()).accept(current, model.source(),
                        model.number(), actor);
                if (rewrite.rejected()) {
                    return proposals.rejectedUnlessRetried(commandId, proposal, rewrite.rejection(), current.version());
                }
                ModelUpload upload = versions.upload(LearningDecider.FILE, rewrite.written().after(), actor.personId());
                if (!upload.accepted() || upload.unchanged()) {
                    return proposals.rejectedUnlessRetried(commandId, proposal, new Rejection(Code.WRONG_STATE,
                            "The changed model was not stored: " + (upload.accepted() ? "it is the current version unchanged"
                                    : upload.refused() ? upload.refusal().detail()
                                    : upload.report().errors().size() + " errors")), current.version());
                }
                ModelChangeAccepted accepted = new ModelChangeAccepted(current.insight(), upload.version().number(),
                        current.baseVersion(), model.number() != current.baseVersion());
                try {
                    return proposals.recorded(proposal, recorder.append(proposal, current.version(), commandId, actor, null,
                            upload.version().number(), List.of(accepted)));
                } catch (ConcurrencyConflict e) {
                    // another process decided meanwhile; the version stays stored (an upload is never undone)
                    proposals.reload(proposal);
                    return proposals.rejectedUnlessRetried(commandId, proposal, Recorder.stale("proposal", current.version(),
                            e.currentVersion()), e.currentVersion());
                }
            }
        }
    }

    /** Declines a proposed change with a reason. */
    public CommandResult decline(String proposal, Long expectedVersion, String commandId, Actor actor,
                                 DeclineModelChange command) {
        synchronized (locks.item(proposal)) {
            ModelChangeProposal current = proposals.get(proposal);
            Rejection before = checked(proposal, current, expectedVersion);
            if (before != null) {
                return proposals.rejectedUnlessRetried(commandId, proposal, before, current == null ? 0 : current.version());
            }
            ModelVersion model = versions.current().orElseThrow();
            LearningDecision decision = new LearningDecider(model.model()).decline(current, actor, command.reason());
            if (decision.rejected()) {
                return proposals.rejectedUnlessRetried(commandId, proposal, decision.rejection(), current.version());
            }
            try {
                return proposals.recorded(proposal, recorder.append(proposal, current.version(), commandId, actor, null,
                        current.baseVersion(), decision.events()));
            } catch (ConcurrencyConflict e) {
                proposals.reload(proposal);
                return proposals.rejectedUnlessRetried(commandId, proposal, Recorder.stale("proposal", current.version(),
                        e.currentVersion()), e.currentVersion());
            }
        }
    }

    public Optional<PostMortem> postMortem(WorkItemId item) {
        return Optional.ofNullable(postMortems.get(LearningEvent.postMortemStream(item.value())));
    }

    public Optional<Insight> insight(String id) {
        return Optional.ofNullable(insights.get(id));
    }

    public Optional<ModelChangeProposal> proposal(String id) {
        return Optional.ofNullable(proposals.get(id));
    }

    private Rejection checked(String id, ModelChangeProposal current, Long expectedVersion) {
        if (current == null) {
            return new Rejection(Code.NOT_FOUND, "There is no proposed model change '" + id + "'");
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            return Recorder.stale("proposal", expectedVersion, current.version());
        }
        return null;
    }

    private static <S> CommandResult noModel(Streams<S> streams, String commandId, String stream) {
        return streams.rejectedUnlessRetried(commandId, stream, new Rejection(Code.WRONG_STATE,
                "No operating model has been uploaded yet; upload one first"), 0);
    }
}
