package dev.baton.engine.migration;

import dev.baton.engine.field.FieldValues;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.migration.ItemMigration.Status;
import dev.baton.engine.migration.MigrationRefusal.Reason;
import dev.baton.engine.rights.Names;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decision function of a migration from one model version to another, like Camunda's
 * process-instance migration: given an item, it says where the item goes in the new version, or
 * why it cannot go. Pure, like {@link dev.baton.engine.item.WorkItemDecider}: no clock, no
 * storage, so the engine, {@code baton migrate} on a log file and tests share it.
 *
 * <p>An item moves when it runs under the old version, is not completed, has no handoff waiting,
 * the new version has its work type and a stage for it (the mapped one, or its own id when the new
 * version kept it), every field value it has fits the new template, and the fields the new version
 * requires on the way to that stage are filled: the exit criteria of every mandatory stage listed
 * before it, which a forward move through the new flow would have asked for.
 */
public final class MigrationDecider {

    private final int fromVersion;
    private final OperatingModel from;
    private final int toVersion;
    private final OperatingModel to;
    private final StageMap map;

    public MigrationDecider(int fromVersion, OperatingModel from, int toVersion, OperatingModel to, StageMap map) {
        this.fromVersion = fromVersion;
        this.from = from;
        this.toVersion = toVersion;
        this.to = to;
        this.map = map;
    }

    /**
     * The mistakes of the mapping itself, before any item: an entry whose work type or stage the
     * old version lacks, or whose target stage the new version lacks (in the named work type, or
     * in any work type that has the old stage). Every one is reported.
     */
    public List<MigrationProblem> mappingProblems() {
        List<MigrationProblem> problems = new ArrayList<>();
        for (StageMap.Entry e : map.entries()) {
            List<WorkType> olds = e.workType() == null ? from.workTypes()
                    : from.workType(e.workType()).map(List::of).orElse(List.of());
            if (e.workType() != null && olds.isEmpty()) {
                problems.add(new MigrationProblem(MigrationProblem.Kind.INVALID, e.where(), "version " + fromVersion + " has no work type '"
                        + e.workType() + "'; its work types are " + ids(from)));
                continue;
            }
            List<WorkType> having = olds.stream().filter(w -> w.stage(e.from()).isPresent()).toList();
            if (having.isEmpty()) {
                problems.add(new MigrationProblem(MigrationProblem.Kind.INVALID, e.where(), "version " + fromVersion + " has no stage '" + e.from()
                        + "'" + (e.workType() == null ? " in any work type" : " in " + e.workType())
                        + "; map a stage it has"));
                continue;
            }
            boolean target = having.stream().anyMatch(w -> to.workType(w.id()).flatMap(n -> n.stage(e.to())).isPresent());
            if (!target) {
                String where = e.workType() != null ? e.workType() : having.get(0).id();
                problems.add(new MigrationProblem(MigrationProblem.Kind.INVALID, e.where(), "version " + toVersion + " has no stage '" + e.to()
                        + "' in " + where + "; its stages there are " + stages(to, where)));
            }
        }
        return problems;
    }

    /** Where the item goes, or why it stays. */
    public ItemMigration decide(WorkItem item) {
        String title = item.title();
        if (item.modelVersion() == toVersion && item.migratedFrom() == fromVersion) {
            return new ItemMigration(item.id().value(), item.workType(), title, item.version(), null, item.stage(),
                    Status.ALREADY_MIGRATED, null, null);
        }
        String what = describe(item);
        if (item.modelVersion() != fromVersion) {
            return refused(item, null, Reason.NOT_AT_VERSION, what + " runs under model version " + item.modelVersion()
                    + ", not version " + fromVersion);
        }
        if (item.completed()) {
            return refused(item, null, Reason.COMPLETED, what + " is completed; it keeps the version it was done under");
        }
        if (item.pendingHandoff() != null) {
            return refused(item, null, Reason.HANDOFF_PENDING, what + " has a handoff to "
                    + Names.party(from, item.pendingHandoff().toFunction()) + " waiting; accept or reject it first");
        }
        WorkType newType = to.workType(item.workType()).orElse(null);
        if (newType == null) {
            return refused(item, null, Reason.WORK_TYPE_MISSING, "Version " + toVersion + " has no work type '"
                    + item.workType() + "' for " + Names.lower(what) + "; its work types are " + ids(to));
        }
        StageMap.Entry entry = map.entry(item.workType(), item.stage());
        String target = entry != null ? entry.to() : item.stage();
        Stage stage = newType.stage(target).orElse(null);
        if (stage == null) {
            return entry == null
                    ? refused(item, null, Reason.STAGE_UNMAPPED, what + " is in " + oldStage(item)
                    + ", which version " + toVersion + " does not have; map it to one of " + stages(to, newType.id())
                    + " (" + item.stage() + "=NEW-STAGE)")
                    : refused(item, target, Reason.TARGET_STAGE_MISSING, entry.where() + " sends " + Names.lower(what)
                    + " to '" + target + "', which " + Names.a(Names.lower(Names.workType(newType))) + " of version "
                    + toVersion + " does not have; its stages are " + stages(to, newType.id()));
        }
        Template template = newType.template() == null ? null : to.template(newType.template()).orElse(null);
        Map<String, Object> known = new LinkedHashMap<>();
        item.fields().forEach((id, value) -> {
            if (template != null && template.field(id).isPresent()) {
                known.put(id, value);
            }
        });
        FieldValues.Checked checked = FieldValues.check(to, template, Names.workType(newType), known, false);
        if (!checked.ok()) {
            return refused(item, target, Reason.FIELD_VALUE_INVALID, what + " has values version " + toVersion
                    + " does not accept: " + checked.sentence());
        }
        List<String> needed = new ArrayList<>();
        List<String> stagesNeeding = new ArrayList<>();
        for (Stage before : newType.stages()) {
            if (Objects.equals(before.id(), target)) {
                break;
            }
            if (before.optional()) {
                continue;
            }
            List<String> missing = FieldValues.missing(before.exit(), item.fields());
            missing.stream().filter(f -> !needed.contains(f)).forEach(needed::add);
            if (!missing.isEmpty()) {
                stagesNeeding.add(Names.stage(newType, before.id()));
            }
        }
        if (!needed.isEmpty()) {
            List<String> names = needed.stream().map(f -> Names.field(template, f)).toList();
            return refused(item, target, Reason.REQUIRED_FIELD_MISSING, what + " can't be in "
                    + Names.stage(newType, target) + " of version " + toVersion + " without " + Names.and(names)
                    + " (the exit criteria of " + Names.and(stagesNeeding) + " there); "
                    + (names.size() == 1 ? "it is empty" : "they are empty") + ": fill " + (names.size() == 1 ? "it" : "them")
                    + " first or map the stage to an earlier one");
        }
        return new ItemMigration(item.id().value(), item.workType(), title, item.version(), item.stage(), target,
                Status.MOVES, null, new ItemMigrated(fromVersion, toVersion, item.stage(), target));
    }

    private ItemMigration refused(WorkItem item, String target, Reason reason, String sentence) {
        return new ItemMigration(item.id().value(), item.workType(), item.title(), item.version(), item.stage(), target,
                Status.REFUSED, new MigrationRefusal(reason, sentence), null);
    }

    /** "Campaign 'Spring webinars' (item-3f9c)". */
    private String describe(WorkItem item) {
        String type = from.workType(item.workType()).map(Names::workType).orElse(Names.words(item.workType()));
        return type + " '" + item.title() + "' (" + item.id().value() + ")";
    }

    private String oldStage(WorkItem item) {
        return from.workType(item.workType()).map(w -> Names.stage(w, item.stage())).orElse(Names.words(item.stage()));
    }

    private static String ids(OperatingModel model) {
        return String.join(", ", model.workTypes().stream().map(WorkType::id).filter(Objects::nonNull).toList());
    }

    private static String stages(OperatingModel model, String workType) {
        return model.workType(workType).map(w -> String.join(", ", w.stages().stream().map(Stage::id)
                .filter(Objects::nonNull).toList())).orElse("none");
    }
}
