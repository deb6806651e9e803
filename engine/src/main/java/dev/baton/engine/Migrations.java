package dev.baton.engine;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.event.StreamAppend;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.migration.ItemMigration;
import dev.baton.engine.migration.MigrationDecider;
import dev.baton.engine.migration.MigrationPlan;
import dev.baton.engine.migration.MigrationProblem;
import dev.baton.engine.migration.MigrationProblem.Kind;
import dev.baton.engine.migration.MigrationRefusal;
import dev.baton.engine.migration.MigrationRequest;
import dev.baton.engine.migration.MigrationResult;
import dev.baton.engine.migration.StageMap;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Migrating work in flight from one model version to another: the plan (every open item of the
 * old version, where it goes or why it stays, decided by {@link MigrationDecider}) and applying it
 * ({@code ItemMigrated} for every item that moves, appended in one transaction: all or nothing).
 */
final class Migrations {

    private final Engine engine;
    private final Recorder recorder;
    private final ModelVersions versions;

    Migrations(Engine engine, Recorder recorder, ModelVersions versions) {
        this.engine = engine;
        this.recorder = recorder;
        this.versions = versions;
    }

    MigrationPlan plan(MigrationRequest request) {
        List<MigrationProblem> problems = new ArrayList<>();
        StageMap map = StageMap.parse(request.map(), problems);
        Optional<ModelVersion> from = version("fromVersion", request.fromVersion(), problems);
        Optional<ModelVersion> to = version("toVersion", request.toVersion(), problems);
        boolean same = from.isPresent() && to.isPresent() && from.get().number() == to.get().number();
        if (same) {
            problems.add(new MigrationProblem(Kind.INVALID, "toVersion", "expected another version than fromVersion ("
                    + from.get().number() + "); items already run under it"));
        }
        int fromNumber = request.fromVersion() == null ? 0 : request.fromVersion();
        int toNumber = request.toVersion() == null ? 0 : request.toVersion();
        // Without both versions nothing else can be checked; otherwise every mistake is collected.
        if (from.isEmpty() || to.isEmpty() || same) {
            return new MigrationPlan(fromNumber, toNumber, map, problems, List.of(), 0);
        }
        MigrationDecider decider = new MigrationDecider(fromNumber, from.get().model(), toNumber, to.get().model(), map);
        problems.addAll(decider.mappingProblems());
        List<WorkItem> items = new ArrayList<>();
        long completed = 0;
        if (request.items().isEmpty()) {
            for (WorkItem item : engine.matching(new ItemFilter(null, null, null, null, null, null)).toList()) {
                boolean old = item.modelVersion() == fromNumber;
                boolean moved = item.modelVersion() == toNumber && item.migratedFrom() == fromNumber;
                if (old && item.completed()) {
                    completed++;
                } else if (old || moved) {
                    items.add(item);
                }
            }
        } else {
            int index = 0;
            for (String id : new LinkedHashSet<>(request.items())) {
                index++;
                WorkItem item = id == null ? null : engine.item(new WorkItemId(id)).orElse(null);
                if (item == null) {
                    problems.add(new MigrationProblem(Kind.INVALID, "items[" + index + "] '" + id + "'",
                            "there is no work item '" + id + "'"));
                } else {
                    items.add(item);
                }
            }
        }
        items.sort(Comparator.comparing(WorkItem::workType).thenComparing(WorkItem::createdAt)
                .thenComparing(i -> i.id().value()));
        List<ItemMigration> decided = problems.isEmpty() ? items.stream().map(decider::decide).toList() : List.of();
        return new MigrationPlan(fromNumber, toNumber, map, problems, decided, completed);
    }

    private Optional<ModelVersion> version(String where, Integer number, List<MigrationProblem> problems) {
        int stored = versions.all().size();
        if (number == null) {
            problems.add(new MigrationProblem(Kind.MALFORMED, where, "expected a model version number (1 to " + stored
                    + "), found none"));
            return Optional.empty();
        }
        Optional<ModelVersion> version = versions.get(number);
        if (version.isEmpty()) {
            problems.add(new MigrationProblem(Kind.INVALID, where, "expected a stored model version (1 to " + stored
                    + "), found " + number));
        }
        return version;
    }

    MigrationResult apply(MigrationRequest request, Actor actor, String commandId) {
        MigrationPlan plan = plan(request);
        if (!plan.valid()) {
            return new MigrationResult(plan, List.of(), new Rejection(Code.INVALID_INPUT,
                    String.join("; ", plan.problems().stream().map(MigrationProblem::toString).toList())));
        }
        if (actor == null) {
            return new MigrationResult(plan, List.of(), new Rejection(Code.NOT_ALLOWED, "Someone must give the command"));
        }
        if (!request.items().isEmpty()) {
            // Exactly the items a person saw in a preview: if one of them can't move now, none moves.
            List<ItemMigration> refused = plan.items().stream()
                    .filter(i -> i.status() == ItemMigration.Status.REFUSED).toList();
            if (!refused.isEmpty()) {
                return new MigrationResult(plan, List.of(), new Rejection(code(refused.get(0).refusal()),
                        "Nothing was migrated: " + refused.size() + " of the " + plan.items().size()
                                + " item(s) can't move now. " + refused.get(0).refusal().sentence()));
            }
        }
        List<ItemMigration> moving = plan.moving();
        if (moving.isEmpty()) {
            return new MigrationResult(plan, List.of(), null);
        }
        List<StreamAppend> parts = new ArrayList<>();
        var at = recorder.now();
        for (ItemMigration m : moving) {
            // Recorded with the new version: the version the item runs under from this event on.
            parts.add(new StreamAppend(m.item(), m.version(), commandId == null ? null : commandId + ":" + m.item(),
                    Recorder.pending(at, actor, m.workType(), plan.toVersion(), List.of(m.event()))));
        }
        try {
            List<List<RecordedEvent>> recorded = recorder.appendAll(parts);
            List<RecordedEvent> all = new ArrayList<>();
            for (List<RecordedEvent> events : recorded) {
                engine.recordedElsewhere(events);
                all.addAll(events);
            }
            return new MigrationResult(plan, all, null);
        } catch (ConcurrencyConflict e) {
            Set<String> streams = new LinkedHashSet<>();
            moving.forEach(m -> streams.add(m.item()));
            streams.forEach(engine::reload);
            return new MigrationResult(plan, List.of(), new Rejection(Code.STALE_VERSION, "Someone changed "
                    + e.stream() + " while it was being migrated; nothing was migrated. Preview again and apply"));
        }
    }

    /** The engine's rejection code closest to a refusal's reason. */
    static Code code(MigrationRefusal refusal) {
        return switch (refusal.reason()) {
            case NOT_AT_VERSION, COMPLETED, HANDOFF_PENDING -> Code.WRONG_STATE;
            case REQUIRED_FIELD_MISSING -> Code.EXIT_CRITERIA_MISSING;
            case WORK_TYPE_MISSING, STAGE_UNMAPPED, TARGET_STAGE_MISSING, FIELD_VALUE_INVALID -> Code.INVALID_INPUT;
        };
    }
}
