package dev.baton.exchange.importing;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceSink;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a tool's changes into Baton events through a mapping: a status change is a stage move
 * ({@code StageEntered}), an assignee change an owner change ({@code OwnerAssigned}), closing
 * {@code ItemCompleted}, reopening {@code ItemReopened}, any other field {@code FieldsUpdated},
 * an urgent priority or label {@code MarkedUrgent}. Each event keeps the change's stable id, so
 * a change already in the log (from an earlier or overlapping export) is skipped.
 *
 * <p>Completion follows the mapping's {@code completion} rules: the tool's resolution, a done
 * status ({@link DoneStatuses}) or the first of the two completes an item, in the stage it is in;
 * a completed item that moves to a status that is not done is reopened first (as the engine does:
 * {@code ItemReopened} into the new stage, then {@code StageEntered}), so that no completed item
 * moves on. What does not add up is counted in the report ({@link CompletionOddities}).
 *
 * <p>Memory grows with the number of items, not of events: per item only its version, stage,
 * owner and labels are kept.
 */
public final class Importer {

    static final String UNKNOWN_ACTOR = "unknown";

    private final ImportMapping mapping;
    private final OperatingModel model;
    private final Consumer<RecordedEvent> out;
    /** In the order items were first seen, so that the report's examples come in the export's order. */
    private final Map<String, ItemState> items = new LinkedHashMap<>();
    private final DoneStatuses done;
    private final CompletionOddities oddities;
    private final SeenIds seen = new SeenIds();
    private final ImportReport report = new ImportReport();
    private long position;
    /** Readers hand changes item by item: the last item's state saves a map lookup per change. */
    private ItemState last;

    /** What the import knows about one item: enough to fill the {@code from} sides of events. */
    private static final class ItemState {
        final String stream;
        String workType;
        String stage;
        String owner;
        List<String> labels;
        boolean urgent;
        boolean completed;
        /** Whether the current stage is done: TRUE, FALSE or null when unknown ({@link DoneStatuses}). */
        Boolean inDone;
        /** The tool's status the item is in, as the tool shows it (null before the first one). */
        String toolStatus;
        /** Counted once among the items moved on after completion without a reopen. */
        boolean movedAfterCompletion;
        long version;
        boolean touched;
        final boolean existed;
        /** When the newest event of this item that was in the log before this import happened. */
        java.time.Instant lastExisting;
        Set<String> visited;

        ItemState(String stream, boolean existed) {
            this.stream = stream;
            this.existed = existed;
        }
    }

    /**
     * @param model may be null; when given, a move back in a work type's stage order is rework
     * @param out   receives the new events in order
     */
    public Importer(ImportMapping mapping, OperatingModel model, Consumer<RecordedEvent> out) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.model = model;
        this.out = out;
        this.done = new DoneStatuses(mapping.completion(), model);
        this.oddities = new CompletionOddities(mapping.completion());
    }

    /** Learns an event already in the log: its id, and its item's version, stage and owner. */
    public void existing(RecordedEvent e) {
        position = Math.max(position, e.position());
        if (e.eventId() != null) {
            seen.add(e.eventId());
        }
        ItemState state = items.computeIfAbsent(e.stream(), s -> new ItemState(s, true));
        state.version = Math.max(state.version, e.version());
        if (state.lastExisting == null || e.at().isAfter(state.lastExisting)) {
            state.lastExisting = e.at();
        }
        if (e.workType() != null) {
            state.workType = e.workType();
        }
        apply(state, e.event());
        if (e.event() instanceof ItemCreated || e.event() instanceof StageEntered) {
            // The tool's status is gone from the log: only the model can say whether its stage is done.
            state.inDone = done.ofStage(state.workType, state.stage);
            state.toolStatus = state.stage;
        }
    }

    /** Where a reader hands its changes. */
    public SourceSink sink() {
        return new SourceSink() {
            @Override
            public void change(SourceChange change) {
                accept(change);
            }

            @Override
            public void note(String code, String message) {
                report.note(code, message);
            }
        };
    }

    /** The report so far, with the items of this import that end in a done status without being completed. */
    public ImportReport report() {
        long doneNotCompleted = 0;
        List<String> examples = new ArrayList<>(3);
        for (ItemState state : items.values()) {
            if (state.touched && Boolean.TRUE.equals(state.inDone) && !state.completed) {
                doneNotCompleted++;
                if (examples.size() < 3) {
                    examples.add(state.stream);
                }
            }
        }
        report.oddities(oddities.list(doneNotCompleted, examples));
        return report;
    }

    void accept(SourceChange change) {
        report.read();
        if (!seen.add(change.changeId())) {
            report.duplicate();
            return;
        }
        ItemState state = last != null && last.stream.equals(change.item().key()) ? last : items.get(change.item().key());
        if (state == null) {
            state = new ItemState(change.item().key(), false);
            items.put(state.stream, state);
        }
        last = state;
        if (state.existed && state.lastExisting != null && !change.at().isAfter(state.lastExisting)) {
            // An earlier import read this change and it became no event (else its id would be in the
            // log): deciding it anew against the item's state at the end of its history would record
            // what never happened, e.g. a status change within one stage as a move back.
            report.duplicate();
            return;
        }
        if (!state.touched) {
            state.touched = true;
            report.item(!state.existed);
        }
        String actor = actor(change.actor());
        if (change.kind() == ChangeKind.RECORDED) {
            // An event Baton exported: imported as it was, in its own stream and work type.
            if (state.version == 0) {
                state.workType = change.item().type();
            }
            emit(state, change, change.changeId(), actor, change.payload());
            return;
        }
        if (change.kind() == ChangeKind.CREATED) {
            if (state.version > 0) {
                // The log already has this item under another creation id (e.g. first seen earlier).
                report.skipped("creation of an item already in the log");
                return;
            }
            state.workType = workType(change.item());
            String stage = stage(change.to());
            List<String> labels = change.item().labels();
            Map<String, Object> fields = new java.util.LinkedHashMap<>(change.item().effort());
            if (!labels.isEmpty()) {
                fields.put("labels", labels);
            }
            emit(state, change, change.changeId(), actor, new ItemCreated(change.item().title(), stage, fields, null, null));
            String urgentLabel = labels.stream().filter(mapping::urgentLabel).findFirst().orElse(null);
            if (urgentLabel != null) {
                emit(state, change, change.changeId() + ":urgent", actor, new MarkedUrgent("label " + urgentLabel));
            }
            // Created straight into a done status (or a history without status changes): done at once.
            entered(state, change, actor, change.to(), done.of(state.workType, change.item(), change.to(), stage));
            return;
        }
        if (state.version == 0) {
            // The export lacks the creation: the item starts where the first change found it.
            state.workType = workType(change.item());
            String firstStage = change.kind() == ChangeKind.STATUS ? stage(change.from()) : null;
            report.note("created-at-first-change", "items without a creation in the export start at their first change");
            emit(state, change, change.changeId() + ":first-seen", actor,
                    new ItemCreated(change.item().title(), firstStage, Map.of(), null, null));
        }
        switch (change.kind()) {
            case STATUS -> stageMove(state, change, actor, change.to());
            case ASSIGNEE -> ownerChange(state, change, actor);
            case FIELD -> field(state, change, actor);
            case PRIORITY -> priority(state, change, actor);
            case LABEL -> label(state, change, actor);
            case CLOSED -> closed(state, change, actor);
            case REOPENED -> reopened(state, change, actor);
            case COMMENT -> emit(state, change, change.changeId(), actor, new CommentAdded(change.to()));
            default -> report.skipped("unknown change kind " + change.kind());
        }
    }

    private void stageMove(ItemState state, SourceChange change, String actor, String toolStatus) {
        String to = stage(toolStatus);
        String from = state.stage;
        // Two tool statuses mapped onto one stage are no stage move; an activity repeated in an
        // activity log (a self-loop) is one.
        boolean withinStage = Objects.equals(from, to) && !Objects.equals(change.from(), toolStatus);
        Boolean toDone = done.of(state.workType, change.item(), toolStatus, to);
        if (state.completed && !Boolean.TRUE.equals(toDone)) {
            if (mapping.completion().byStatus() && Boolean.FALSE.equals(toDone)) {
                // Work resumed: reopened into the new stage, as the engine's reopen records it.
                emit(state, change, change.changeId() + ":reopened", actor, new ItemReopened(to,
                        "moved to " + toolStatus + ", which is not done"));
            } else if (!withinStage && !state.movedAfterCompletion) {
                state.movedAfterCompletion = true;
                oddities.movedAfterCompletion(state.stream, toolStatus);
            }
        }
        if (withinStage) {
            report.skipped("status change within one stage");
        } else {
            emit(state, change, change.changeId(), actor, new StageEntered(from, to, isRework(state, from, to)));
        }
        entered(state, change, actor, toolStatus, toDone);
    }

    /** The item is now in {@code toolStatus}, done or not ({@link DoneStatuses}): a done status completes it. */
    private void entered(ItemState state, SourceChange change, String actor, String toolStatus, Boolean isDone) {
        state.toolStatus = toolStatus;
        state.inDone = isDone;
        if (mapping.completion().byStatus() && Boolean.TRUE.equals(state.inDone) && !state.completed) {
            emit(state, change, change.changeId() + ":completed", actor, new ItemCompleted(state.stage));
        }
    }

    /** The tool completed the item (a Jira resolution set, a card or issue closed). */
    private void closed(ItemState state, SourceChange change, String actor) {
        if (!mapping.completion().byResolution()) {
            report.skipped("resolution or close (completion.on: done-status)");
            return;
        }
        if (state.completed) {
            report.skipped("resolution or close of an item already completed");
            return;
        }
        if (Boolean.FALSE.equals(state.inDone)) {
            oddities.resolvedNotDone(state.stream, state.toolStatus);
        }
        emit(state, change, change.changeId(), actor, new ItemCompleted(state.stage));
    }

    /** The tool reopened the item (a Jira resolution cleared, a card or issue reopened): reopened where it is. */
    private void reopened(ItemState state, SourceChange change, String actor) {
        if (!mapping.completion().byResolution()) {
            report.skipped("resolution cleared or reopen (completion.on: done-status)");
            return;
        }
        if (!state.completed) {
            report.skipped("resolution cleared or reopen of an item not completed");
            return;
        }
        emit(state, change, change.changeId(), actor, new ItemReopened(state.stage, null));
    }

    private void ownerChange(ItemState state, SourceChange change, String actor) {
        String owner = change.to() == null ? null : person(change.to());
        if (change.to() == null && change.from() != null && !Objects.equals(person(change.from()), state.owner)) {
            // Trello cards have several members: removing one who is not the owner changes no owner.
            report.skipped("member removed who was not the owner");
            return;
        }
        if (Objects.equals(owner, state.owner)) {
            report.skipped("assignee set to the current owner");
            return;
        }
        emit(state, change, change.changeId(), actor, new OwnerAssigned(owner, state.owner));
    }

    private void field(ItemState state, SourceChange change, String actor) {
        if (mapping.ignores(change.field())) {
            report.skipped("field ignored by the mapping: " + change.field());
            return;
        }
        String name = change.field();
        if (mapping.mapsFields()) {
            var mapped = mapping.field(change.field());
            if (mapped.isPresent()) {
                name = mapped.get();
            } else {
                report.unmapped("fields", change.field());
            }
        }
        emit(state, change, change.changeId(), actor, new FieldsUpdated(singleton(name, change.to())));
    }

    private void priority(ItemState state, SourceChange change, String actor) {
        emit(state, change, change.changeId(), actor, new FieldsUpdated(singleton("priority", change.to())));
        boolean urgent = mapping.urgentPriority(change.to());
        if (urgent && !state.urgent) {
            emit(state, change, change.changeId() + ":urgent", actor, new MarkedUrgent("priority " + change.to()));
        }
        state.urgent = urgent || (state.urgent && labelsUrgent(state));
    }

    private void label(ItemState state, SourceChange change, String actor) {
        String added = change.to();
        String removed = change.from();
        if (mapping.isStatusLabel(added)) {
            stageMove(state, change, actor, added);
            return;
        }
        if (mapping.isStatusLabel(removed)) {
            report.skipped("status label removed (the next status label sets the stage)");
            return;
        }
        List<String> labels = state.labels == null ? new ArrayList<>() : new ArrayList<>(state.labels);
        if (added != null && !labels.contains(added)) {
            labels.add(added);
        }
        if (removed != null) {
            labels.remove(removed);
        }
        emit(state, change, change.changeId(), actor, new FieldsUpdated(singleton("labels", List.copyOf(labels))));
        if (mapping.urgentLabel(added) && !state.urgent) {
            emit(state, change, change.changeId() + ":urgent", actor, new MarkedUrgent("label " + added));
        }
    }

    private boolean labelsUrgent(ItemState state) {
        return state.labels != null && state.labels.stream().anyMatch(mapping::urgentLabel);
    }

    private void emit(ItemState state, SourceChange change, String id, String actor, BatonEvent event) {
        state.version++;
        apply(state, event);
        RecordedEvent recorded = new RecordedEvent(++position, state.stream, state.version, change.at(), actor,
                state.workType, 0, null, event, id);
        if (!id.equals(change.changeId())) {
            seen.add(id);
        }
        report.written(event.type());
        out.accept(recorded);
    }

    /** Keeps the item's state in step with an event (new or already in the log). */
    private void apply(ItemState state, BatonEvent event) {
        if (event instanceof ItemCreated c) {
            enter(state, c.stage());
            if (c.fields() != null && c.fields().get("labels") instanceof List<?> labels) {
                List<String> copy = new ArrayList<>();
                labels.forEach(l -> copy.add(String.valueOf(l)));
                state.labels = copy;
            }
        } else if (event instanceof StageEntered s) {
            enter(state, s.to());
        } else if (event instanceof OwnerAssigned o) {
            state.owner = o.owner();
        } else if (event instanceof MarkedUrgent) {
            state.urgent = true;
        } else if (event instanceof ItemCompleted) {
            state.completed = true;
        } else if (event instanceof ItemReopened) {
            state.completed = false;
        } else if (event instanceof FieldsUpdated f && f.changes().get("labels") instanceof List<?> labels) {
            List<String> copy = new ArrayList<>();
            labels.forEach(l -> copy.add(String.valueOf(l)));
            state.labels = copy;
        }
    }

    private static void enter(ItemState state, String stage) {
        if (stage == null) {
            return;
        }
        if (state.stage != null) {
            if (state.visited == null) {
                state.visited = new HashSet<>(4);
            }
            state.visited.add(state.stage);
        }
        state.stage = stage;
    }

    /**
     * A move back in the work type's stage order when the model is known; without a model, a
     * return to a stage the item already left.
     */
    private boolean isRework(ItemState state, String from, String to) {
        if (to == null) {
            return false;
        }
        WorkType type = model == null || state.workType == null ? null : model.workType(state.workType).orElse(null);
        if (type != null) {
            int fromIndex = indexOf(type, from);
            int toIndex = indexOf(type, to);
            if (fromIndex >= 0 && toIndex >= 0) {
                return toIndex < fromIndex;
            }
        }
        return state.visited != null && state.visited.contains(to);
    }

    private static int indexOf(WorkType type, String stage) {
        List<Stage> stages = type.stages();
        for (int i = 0; i < stages.size(); i++) {
            if (Objects.equals(stages.get(i).id(), stage)) {
                return i;
            }
        }
        return -1;
    }

    private String stage(String toolStatus) {
        if (toolStatus == null) {
            return null;
        }
        if (!mapping.mapsStages()) {
            return toolStatus;
        }
        var mapped = mapping.stage(toolStatus);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        report.unmapped("stages", toolStatus);
        return toolStatus;
    }

    private String actor(String toolUser) {
        if (toolUser == null) {
            return UNKNOWN_ACTOR;
        }
        return person(toolUser);
    }

    private String person(String toolUser) {
        if (!mapping.mapsPeople()) {
            return toolUser;
        }
        var ref = mapping.person(toolUser);
        if (ref.isPresent()) {
            return ref.get().person();
        }
        report.unmapped("people", toolUser);
        return toolUser;
    }

    private String workType(SourceItem item) {
        if (mapping.workTypes().isEmpty()) {
            return item.type();
        }
        var mapped = mapping.workType(item);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        report.unmapped("work-types", item.type() + (item.project() == null ? "" : " in " + item.project()));
        return null;
    }

    private static Map<String, Object> singleton(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(2);
        map.put(key, value);
        return Collections.unmodifiableMap(map);
    }
}
