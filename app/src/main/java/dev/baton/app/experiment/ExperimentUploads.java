package dev.baton.app.experiment;

import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand.RecordExperimentResults;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.version.ModelVersions;
import dev.baton.measure.experiment.Method;
import dev.baton.measure.experiment.Settings;
import dev.baton.measure.experiment.input.InputRefused;
import dev.baton.measure.experiment.input.ResultsCsv;
import dev.baton.measure.experiment.input.StatsFile;
import dev.baton.measure.experiment.input.StatsRequest;
import dev.baton.measure.experiment.input.UnitCsv;
import dev.baton.measure.experiment.input.UnitData;
import dev.baton.measure.experiment.Arm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An upload of experiment results onto an experiment item, shared by the API and the page: the
 * file is read by the readers of {@code baton experiment analyze} (unit-level CSV, a stats file, a
 * GrowthBook or Optimizely export), reduced to {@link ExperimentData} and recorded through the
 * engine as {@code ExperimentResultsRecorded}. A file that cannot be read is refused with the
 * readers' own {@code file:line:col: …} messages and nothing is recorded; the file is kept nowhere.
 */
@Component
public class ExperimentUploads {

    /** The formats an upload may be in. */
    public static final List<String> FORMATS = List.of("units", "stats", "growthbook", "optimizely");
    /** The template fields read from the item: the planned total sample and the analysis method. */
    public static final String PLANNED_FIELD = "planned-sample-size";
    public static final String METHOD_FIELD = "method";

    private final Engine engine;
    private final ModelVersions versions;

    ExperimentUploads(Engine engine, ModelVersions versions) {
        this.engine = engine;
        this.versions = versions;
    }

    /** Why an upload was refused: one line each, the first ones of the reader. */
    public static final class Refused extends RuntimeException {
        private final List<String> lines;

        public Refused(List<String> lines) {
            super(String.join("; ", lines.subList(0, Math.min(lines.size(), 5)))
                    + (lines.size() > 5 ? "; and " + (lines.size() - 5) + " more" : ""));
            this.lines = List.copyOf(lines);
        }

        public Refused(String line) {
            this(List.of(line));
        }

        public List<String> lines() {
            return lines;
        }
    }

    /** The file read and checked, nothing recorded. */
    public ExperimentData read(WorkItem item, String format, String file, byte[] bytes, String method) {
        String name = file == null || file.isBlank() ? "upload" : Path.of(file).getFileName().toString();
        String kind = format == null || format.isBlank() ? guess(name, bytes) : format.strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(kind)) {
            throw new Refused(name + ": expected the format units, stats, growthbook or optimizely, found '" + format + "'");
        }
        if (bytes == null || bytes.length == 0) {
            throw new Refused(name + ": expected a file with the results, found an empty one");
        }
        Method chosen = method(item, method, name);
        Long planned = planned(item);
        try {
            if (kind.equals("stats")) {
                StatsRequest r = StatsFile.read(text(name, bytes));
                List<String> arms = r.arms().stream().map(Arm::name).toList();
                List<Long> users = r.arms().stream().map(a -> a.statistic().n()).toList();
                Settings settings = method == null || method.isBlank() ? r.settings() : r.settings().withMethod(chosen);
                return new ExperimentData(arms, users, r.weights(), settings,
                        r.plan().plannedUsers() != null ? r.plan().plannedUsers() : planned,
                        List.of(new dev.baton.measure.experiment.ExperimentAnalysis.MetricInput(r.metric(),
                                r.arms().stream().map(Arm::statistic).toList())),
                        users.stream().mapToLong(Long::longValue).sum(), List.of());
            }
            UnitData data = csv(kind, bytes);
            if (data.experiments().size() != 1) {
                throw new Refused(name + ": expected one experiment with at least two arms, found "
                        + (data.experiments().isEmpty() ? "none" : data.experiments().size() + " ("
                        + String.join(", ", data.experiments().stream().map(UnitData.ExperimentData::id).toList())
                        + "); upload one experiment's rows")
                        + (data.notes().isEmpty() ? "" : " (" + String.join("; ", data.notes()) + ")"));
            }
            UnitData.ExperimentData e = data.experiments().get(0);
            return new ExperimentData(e.arms(), e.users(), null, Settings.defaults().withMethod(chosen), planned,
                    e.metrics(), data.rows(), data.notes());
        } catch (InputRefused e) {
            throw new Refused(e.lines(name));
        }
    }

    /** Reads and records: the engine decides (the item must exist, be open, and the actor be a person). */
    public CommandResult record(WorkItemId id, String commandId, Actor actor, String format, String file, byte[] bytes,
                                String method) {
        WorkItem item = engine.item(id).orElse(null);
        if (item == null) {
            return engine.handle(id, null, commandId, actor, new RecordExperimentResults("none", "units", file,
                    Map.of(), null)); // the engine's own "no such item"
        }
        String name = file == null || file.isBlank() ? "upload" : Path.of(file).getFileName().toString();
        if (!versions.get(item.modelVersion()).map(v -> Rhythms.isExperiment(v.model(), item.workType())).orElse(false)) {
            throw new Refused("'" + id + "' is a " + item.workType() + ", not an experiment: results are recorded on an "
                    + "item whose work type's template has a hypothesis");
        }
        ExperimentData data = read(item, format, file, bytes, method);
        String kind = format == null || format.isBlank() ? guess(name, bytes) : format.strip().toLowerCase(Locale.ROOT);
        return engine.handle(id, null, commandId, actor, new RecordExperimentResults(
                UUID.randomUUID().toString().substring(0, 12), kind, name, data.toMap(), summary(data)));
    }

    /** The timeline's line: arms with their users, metrics, rows. */
    public static String summary(ExperimentData d) {
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < d.arms().size(); i++) {
            Long u = d.users().get(i);
            arms.add(d.arms().get(i) + (u == null ? "" : String.format(Locale.ROOT, " %,d", u)));
        }
        return String.format(Locale.ROOT, "%d arms (%s), %d metric%s (%s)", d.arms().size(), String.join(", ", arms),
                d.metrics().size(), d.metrics().size() == 1 ? "" : "s",
                String.join(", ", d.metrics().stream().map(m -> m.name()).toList()));
    }

    private static UnitData csv(String kind, byte[] bytes) throws InputRefused {
        Path tmp = null;
        try {
            // The readers stream from a file (the CLI's 10M-row path); the upload is parked for the read only.
            tmp = Files.createTempFile("baton-experiment-", ".csv");
            Files.write(tmp, bytes);
            return switch (kind) {
                case "growthbook" -> ResultsCsv.growthBook(tmp);
                case "optimizely" -> ResultsCsv.optimizely(tmp);
                default -> UnitCsv.read(tmp, new UnitCsv.Options(null, List.of(), null, 1));
            };
        } catch (IOException e) {
            throw new Refused("the upload could not be read: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans it up
                }
            }
        }
    }

    private static String text(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(name + ": expected UTF-8 text, found other bytes");
        }
    }

    /** A .yaml/.yml name or a first line with a colon and no comma is a stats file; else unit-level CSV. */
    static String guess(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return "stats";
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8).strip();
        String first = head.lines().findFirst().orElse("");
        return first.contains(":") && !first.contains(",") ? "stats" : "units";
    }

    private static Method method(WorkItem item, String method, String name) {
        String id = method != null && !method.isBlank() ? method.strip()
                : item.fields().get(METHOD_FIELD) instanceof String s ? s : "frequentist";
        return Method.byId(id).orElseThrow(() -> new Refused(name + ": expected the method "
                + String.join(", ", Method.ids()) + ", found '" + id + "'"));
    }

    private static Long planned(WorkItem item) {
        return item.fields().get(PLANNED_FIELD) instanceof Number n && n.doubleValue() > 0 ? (long) Math.ceil(n.doubleValue())
                : null;
    }
}
