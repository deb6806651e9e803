package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.app.migration.MigrationJson;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.jsonl.EventLogFormatException;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.engine.migration.ItemMigration;
import dev.baton.engine.migration.MigrationDecider;
import dev.baton.engine.migration.MigrationPlan;
import dev.baton.engine.migration.MigrationProblem;
import dev.baton.engine.migration.StageMap;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton migrate --log LOG.jsonl --from-version N --to-version M --model-version N=FILE
 * --model-version M=FILE --map old=new ... [--dry-run] [--out FILE]}: migrates the open items of
 * one model version of a JSONL log to another, as the server's migrations do: the same decision
 * ({@link MigrationDecider}), one {@code ItemMigrated} event per item that moves, appended to the
 * log (or to a copy), all or nothing. Items that cannot move are listed with why; they stay.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrate work in flight in a JSONL log from one model version to another: preview with "
                + "--dry-run, otherwise append an ItemMigrated event for every item that can move.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:migrated (or previewed); items that cannot move are listed", "1:invalid log, model or mapping",
                "2:usage error"})
final class MigrateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--log", required = true, paramLabel = "LOG.jsonl", description = "Baton's JSONL event log.")
    Path log;

    @Option(names = "--from-version", required = true, paramLabel = "N", description = "Move the open items of this model version…")
    int fromVersion;

    @Option(names = "--to-version", required = true, paramLabel = "M", description = "…to this one.")
    int toVersion;

    @Option(names = "--model-version", required = true, paramLabel = "N=FILE",
            description = "The model file of a version; give both N and M (repeatable).")
    List<String> modelVersions = new ArrayList<>();

    @Option(names = "--map", paramLabel = "OLD=NEW", description = "Where items of a stage version M lacks go: "
            + "old-stage=new-stage, or work-type/old-stage=new-stage (repeatable). A stage M still has keeps its id.")
    List<String> map = new ArrayList<>();

    @Option(names = "--dry-run", description = "Only show which items would move where, and which cannot; write nothing.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the migrated log here instead of replacing LOG.")
    Path out;

    @Option(names = "--actor", defaultValue = "baton", paramLabel = "PERSON",
            description = "Who migrates, as recorded on the events (default: ${DEFAULT-VALUE}).")
    String actor;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Map<Integer, OperatingModel> models = ModelVersionFiles.read(modelVersions, spec.commandLine(), err);
        if (models == null) {
            return Baton.INVALID;
        }
        for (int needed : List.of(fromVersion, toVersion)) {
            if (!models.containsKey(needed)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "expected --model-version " + needed
                        + "=FILE: the model file of version " + needed + " (given: " + models.keySet() + ")");
            }
        }
        if (fromVersion == toVersion) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --to-version other than --from-version ("
                    + fromVersion + ")");
        }
        Path target = out != null ? out : log;
        if (!dryRun && target.getFileName().toString().endsWith(".gz")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --out LOG.jsonl: the migrated log is "
                    + "written as plain JSONL, not over " + target);
        }
        if (!Files.isRegularFile(log)) {
            err.println(log + ": error: " + (Files.exists(log) ? "expected a log file, found a directory" : "no such file"));
            return Baton.INVALID;
        }
        List<RecordedEvent> events;
        try {
            events = EventLogJsonl.readAll(log);
        } catch (EventLogFormatException e) {
            err.println(log + ":" + (e.line() > 0 ? e.getMessage().replaceFirst("^line ", "") : " " + e.getMessage()));
            return Baton.INVALID;
        }
        List<MigrationProblem> problems = new ArrayList<>();
        StageMap stages = StageMap.parse(map, problems);
        MigrationDecider decider = new MigrationDecider(fromVersion, models.get(fromVersion), toVersion,
                models.get(toVersion), stages);
        problems.addAll(decider.mappingProblems());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("--" + p.where().replaceFirst("^map", "map") + ": error: " + p.what()));
            err.println("baton migrate: nothing was migrated");
            return Baton.INVALID;
        }
        MigrationPlan plan = plan(events, decider, stages);
        if (format == Format.json) {
            spec.commandLine().getOut().println(Json.write(MigrationJson.plan(plan)));
        } else {
            print(plan, spec.commandLine().getOut());
        }
        List<ItemMigration> moving = plan.moving();
        if (dryRun || moving.isEmpty()) {
            err.println("baton migrate: " + (dryRun ? "dry run, " : "") + "nothing written");
            return Baton.OK;
        }
        write(events, moving, target);
        err.println("baton migrate: migrated " + moving.size() + " item(s) to version " + toVersion + "; wrote " + target);
        return Baton.OK;
    }

    /** Every stream of the log folded into its item; imported history (version 0) is no item to migrate. */
    private MigrationPlan plan(List<RecordedEvent> events, MigrationDecider decider, StageMap stages) {
        Map<String, List<RecordedEvent>> streams = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            streams.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(e);
        }
        List<WorkItem> items = new ArrayList<>();
        long completed = 0;
        for (List<RecordedEvent> stream : streams.values()) {
            if (stream.get(0).modelVersion() == 0) {
                continue;
            }
            WorkItem item = WorkItem.replay(stream);
            if (item == null) {
                continue;
            }
            boolean old = item.modelVersion() == fromVersion;
            if (old && item.completed()) {
                completed++;
            } else if (old || item.modelVersion() == toVersion && item.migratedFrom() == fromVersion) {
                items.add(item);
            }
        }
        items.sort(Comparator.comparing(WorkItem::workType).thenComparing(WorkItem::createdAt)
                .thenComparing(i -> i.id().value()));
        return new MigrationPlan(fromVersion, toVersion, stages, List.of(), items.stream().map(decider::decide).toList(),
                completed);
    }

    private static void print(MigrationPlan plan, PrintWriter out) {
        out.printf(Locale.ROOT, "Version %d -> %d: %d item(s) move, %d cannot, %d already migrated; %d completed item(s) "
                        + "keep their version%n", plan.fromVersion(), plan.toVersion(), plan.count(ItemMigration.Status.MOVES),
                plan.count(ItemMigration.Status.REFUSED), plan.count(ItemMigration.Status.ALREADY_MIGRATED), plan.completed());
        for (ItemMigration i : plan.items()) {
            String where = i.workType() + " " + i.item() + " (" + i.title() + ")";
            switch (i.status()) {
                case MOVES -> out.printf(Locale.ROOT, "  moves     %s: %s -> %s%n", where, i.fromStage(), i.toStage());
                case ALREADY_MIGRATED -> out.printf(Locale.ROOT, "  migrated  %s: already in %s%n", where, i.toStage());
                case REFUSED -> out.printf(Locale.ROOT, "  stays     %s: %s: %s%n", where, i.refusal().reason().id(),
                        i.refusal().sentence());
            }
        }
    }

    /** The log with one ItemMigrated per moving item after its last event, written whole, then moved into place. */
    private void write(List<RecordedEvent> events, List<ItemMigration> moving, Path target) throws IOException {
        long position = events.stream().mapToLong(RecordedEvent::position).max().orElse(0);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<RecordedEvent> all = new ArrayList<>(events);
        for (ItemMigration m : moving) {
            all.add(new RecordedEvent(++position, m.item(), m.version() + 1, at, actor, m.workType(), toVersion, null,
                    m.event()));
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            EventLogJsonl.write(partial, all);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
