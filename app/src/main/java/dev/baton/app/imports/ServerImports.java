package dev.baton.app.imports;

import dev.baton.engine.batch.BatchEvent.BatchImported;
import dev.baton.engine.batch.BatchEvent;
import dev.baton.engine.batch.BatchIds;
import dev.baton.engine.batch.ImportBatch;
import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.io.ExpansionRefusedException;
import dev.baton.engine.io.InputRefusedException;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.engine.meeting.MeetingEvent;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.exchange.calendar.CalendarImport;
import dev.baton.exchange.importing.BatchStamp;
import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.Importer;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.importing.SourceKinds;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.mapping.MappingCheck;
import dev.baton.exchange.mapping.MappingReader;
import dev.baton.exchange.mapping.MappingSuggestion;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceReader;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problem;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Previews and stores uploaded exports in the server's event log, with the importers of
 * {@code baton import}. The events keep the source's stable ids (column {@code event_id}), so an
 * import of the same or an overlapping export stores each event once; one import is one
 * transaction, so a malformed file, a bad mapping or a conflict stores nothing.
 *
 * <p>Imported events are history, not work the engine runs: they carry model version 0 (not tied
 * to a stored model, docs/event-log.md), go into no projection, and the engine never folds their
 * streams into items. The debt report, the event feed and the item pages' timelines read them from
 * the log as they are (docs/web.md, "Import").
 */
@Component
public class ServerImports {

    /** How many of the first events a preview shows. */
    public static final int SAMPLE = 20;
    /**
     * Imports take turns: a second upload of the same export waits and then finds every event
     * present. Retractions take the same lock (ServerBatches).
     */
    static final long LOCK = 0x626174_6f6e_696dL;
    private static final int BATCH = 1_000;
    private static final EventCodec CODEC = new EventCodec();
    private static final String RETRACTED = "coalesce(batch_id, '') %s (select id from import_batches "
            + "where retracted_at is not null)";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The imported events of the log as it stands: those of retracted batches count as never imported. */
    private static final String IMPORTED = "select position, stream, version, type, actor, at, work_type, "
            + "model_version, command_id, event_id, batch_id, payload::text as payload from events "
            + "where event_id is not null and " + RETRACTED.replace("%s", "not in") + " order by position";
    /** Per item, the highest version among retracted events: a new batch's events continue after them. */
    private static final String RETRACTED_VERSIONS = "select stream, max(version) from events where batch_id is not null "
            + "and " + RETRACTED.replace("%s", "in") + " group by stream";
    private static final String INSERT = "insert into events (stream, version, type, actor, at, work_type, "
            + "model_version, command_id, event_id, batch_id, payload) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?::jsonb)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final ModelVersions versions;
    private final EventStore store;
    private final Clock clock;
    private final DataSize maxUpload;

    public ServerImports(DataSource dataSource, ModelVersions versions, EventStore store, Clock clock,
                         @Value("${baton.import.max-upload:64MB}") DataSize maxUpload) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Streams the log's imported events instead of loading them at once (PostgreSQL needs a transaction for it).
        this.jdbc.setFetchSize(2_000);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.versions = versions;
        this.store = store;
        this.clock = clock;
        this.maxUpload = maxUpload;
    }

    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>(SourceKinds.names());
        kinds.add(CalendarUploads.KIND);
        return kinds;
    }

    public DataSize maxUpload() {
        return maxUpload;
    }

    /** Refuses an export larger than {@code baton.import.max-upload}, before reading any of it. */
    void checkSize(String fileName, long bytes) {
        if (bytes > maxUpload.toBytes()) {
            throw ImportRefused.of(ImportRefused.Reason.TOO_LARGE, fileName + " is " + megabytes(bytes)
                    + "; the server imports files of up to " + megabytes(maxUpload.toBytes())
                    + " (baton.import.max-upload). Compress it with gzip, split the export (e.g. by date range), "
                    + "or import it with baton import on the command line; nothing was imported.");
        }
    }

    /**
     * Runs {@code action} on an upload as received: the export is checked against the size limit
     * and copied to a temporary file, deleted afterwards.
     *
     * @param file    null or empty when none was sent (the action then refuses it)
     * @param mapping the mapping's YAML, or null
     */
    public <T> T received(String kind, MultipartFile file, String mapping, Function<ImportUpload, T> action)
            throws IOException {
        return received(kind, file == null ? List.of() : List.of(file), mapping, action);
    }

    /**
     * Runs {@code action} on an upload of several files (calendars; every other kind takes one
     * export and refuses more), each checked against the size limit, together too.
     */
    public <T> T received(String kind, List<MultipartFile> files, String mapping, Function<ImportUpload, T> action)
            throws IOException {
        List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (sent.size() > 1 && !CalendarUploads.KIND.equals(kind)) {
            throw ImportRefused.of(ImportRefused.Reason.NO_FILE, "expected one export file for " + kind + ", found "
                    + sent.size() + " (only calendar imports read several files at once); nothing was imported");
        }
        List<String> names = new ArrayList<>();
        for (MultipartFile f : sent) {
            names.add(f.getOriginalFilename() == null || f.getOriginalFilename().isBlank() ? "the export"
                    : f.getOriginalFilename());
        }
        if (sent.size() > 1) {
            checkSize(String.join(", ", names), sent.stream().mapToLong(MultipartFile::getSize).sum());
        }
        List<Path> temps = new ArrayList<>();
        try {
            for (int i = 0; i < sent.size(); i++) {
                checkSize(names.get(i), sent.get(i).getSize());
                Path temp = Files.createTempFile("baton-import", ".upload");
                temps.add(temp);
                try (InputStream in = sent.get(i).getInputStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return action.apply(new ImportUpload(kind, temps, names.isEmpty() ? List.of("the export") : names, mapping));
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Reads the export and counts what an import would store; stores nothing. */
    public ImportSummary preview(ImportUpload upload) {
        Prepared prepared = prepare(upload);
        return reading.execute(status -> {
            Collector collector = new Collector(batch -> { });
            ImportReport report = run(prepared, upload, new BatchStamp(null, collector), collector);
            List<String> conflicts = conflicts(collector.newStreams);
            return summary(false, prepared, upload, report, collector, conflicts, null);
        });
    }

    /**
     * Stores the export's events that are not in the log yet, in one transaction, as one batch:
     * each event carries the batch's id, and the batch's {@code BatchImported} (by {@code actor})
     * follows them in the same transaction. An import that finds nothing new records no batch.
     *
     * @throws ImportRefused when the kind, file or mapping is wrong, or an item of the export has
     *                       the id of a work item Baton runs; nothing is stored then
     */
    public ImportSummary store(ImportUpload upload, String actor) {
        Prepared prepared = prepare(upload);
        Collector[] collector = new Collector[1];
        try {
            return writing.execute(status -> {
                jdbc.execute("select pg_advisory_xact_lock(" + LOCK + ")");
                collector[0] = new Collector(this::insert);
                BatchStamp stamp = new BatchStamp(BatchIds.next(), collector[0]);
                ImportReport report = run(prepared, upload, stamp, collector[0]);
                ImportBatch batch = null;
                if (stamp.events() > 0) {
                    BatchImported record = stamp.record(upload.kind(), upload.fileName(), report,
                            prepared.model() == null ? null : prepared.model().number(),
                            prepared.model() == null ? null : prepared.model().model().name());
                    // Through the store, so that its projection (import_batches) is written with it.
                    ImportBatches recorded = new ImportBatches();
                    store.append(BatchEvent.stream(stamp.batch()), 0, null,
                            List.of(new PendingEvent(clock.instant(), actor, null, 0, record))).forEach(recorded);
                    batch = recorded.get(stamp.batch()).orElseThrow();
                }
                return summary(true, prepared, upload, report, collector[0], List.of(), batch);
            });
        } catch (DuplicateKeyException e) {
            // Rolled back: an item of the export is a stream the engine already runs.
            List<String> taken = collector[0] == null ? List.of() : conflicts(collector[0].newStreams);
            throw ImportRefused.conflict(describeConflicts(taken) + "; nothing was imported. Rename them in the export "
                    + "or leave them out.", taken);
        }
    }

    /** A starter mapping from the export's own values, brought onto the current model (SuggestedMapping). */
    public String suggestMapping(ImportUpload upload) {
        if (CalendarUploads.KIND.equals(upload.kind())) {
            throw ImportRefused.of(ImportRefused.Reason.UNKNOWN_KIND, "a calendar's mapping is its people section "
                    + "(docs/meetings.md); preview the calendars to see the attendees no person matches");
        }
        SourceReader reader = reader(upload.kind(), ImportMapping.NONE);
        requireFile(upload);
        MappingSuggestion suggestion = new MappingSuggestion();
        read(reader, upload, suggestion);
        return SuggestedMapping.onto(suggestion.yaml(upload.fileName(), upload.kind()), versions.current().orElse(null));
    }

    // ---- reading

    private record Prepared(SourceReader reader, ImportMapping mapping, ModelVersion model, List<Problem> mappingWarnings) {
    }

    private Prepared prepare(ImportUpload upload) {
        boolean calendar = CalendarUploads.KIND.equals(upload.kind());
        if (!calendar) {
            reader(upload.kind(), ImportMapping.NONE);
        }
        requireFile(upload);
        ModelVersion model = versions.current().orElse(null);
        ImportMapping mapping = ImportMapping.NONE;
        List<Problem> warnings = List.of();
        if (upload.mapping() != null && !upload.mapping().isBlank()) {
            MappingReader.Result read = MappingReader.read(upload.mapping());
            List<Problem> problems = new ArrayList<>(read.problems());
            if (read.valid() && model != null) {
                problems.addAll(MappingCheck.check(read, model.model()));
            }
            List<Problem> errors = problems.stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                throw ImportRefused.mapping("The mapping has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                        + "; nothing was imported. " + (errors.size() == 1 ? "It" : "The first") + " is at "
                        + errors.get(0).format("mapping"), problems);
            }
            mapping = read.mapping();
            warnings = problems;
        }
        // Calendars are read by CalendarUploads, not by a source reader.
        return new Prepared(calendar ? null : reader(upload.kind(), mapping), mapping, model, warnings);
    }

    private static SourceReader reader(String kind, ImportMapping mapping) {
        if (kind == null || kind.isBlank()) {
            throw ImportRefused.of(ImportRefused.Reason.UNKNOWN_KIND, "expected the kind of export ("
                    + String.join(", ", kinds()) + "), found none");
        }
        return SourceKinds.reader(kind, mapping).orElseThrow(() -> ImportRefused.of(ImportRefused.Reason.UNKNOWN_KIND,
                "expected the kind of export (" + String.join(", ", kinds()) + "), found '" + kind + "'"));
    }

    private static void requireFile(ImportUpload upload) {
        if (upload.file() == null) {
            throw ImportRefused.of(ImportRefused.Reason.NO_FILE, "expected an export file (part 'file'), found none");
        }
    }

    /**
     * Reads the export into {@code stamp} (which gives the new events their batch and hands them to
     * {@code collector}), after telling the importer the imported events of the log as it stands.
     */
    private ImportReport run(Prepared prepared, ImportUpload upload, BatchStamp stamp, Collector collector) {
        OperatingModel model = prepared.model() == null ? null : prepared.model().model();
        boolean calendar = prepared.reader() == null;
        Importer importer = calendar ? null : new Importer(prepared.mapping(), model, stamp);
        CalendarImport.Known meetings = new CalendarImport.Known();
        jdbc.query(IMPORTED, rs -> {
            String type = rs.getString("type");
            RecordedEvent e = new RecordedEvent(rs.getLong("position"), rs.getString("stream"), rs.getLong("version"),
                    rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("work_type"),
                    rs.getInt("model_version"), rs.getString("command_id"),
                    CODEC.payload(type, JSON.readTree(rs.getString("payload"))), rs.getString("event_id"),
                    rs.getString("batch_id"));
            stamp.standing(e);
            if (calendar) {
                meetings.standing(e);
            } else {
                importer.existing(e);
            }
        });
        jdbc.query(RETRACTED_VERSIONS, rs -> {
            stamp.retractedVersion(rs.getString(1), rs.getLong(2));
        });
        if (calendar) {
            ImportReport report = CalendarUploads.read(upload, prepared.mapping(), model, clock.instant(), meetings, stamp);
            collector.flush();
            return report;
        }
        read(prepared.reader(), upload, importer.sink());
        collector.flush();
        return importer.report();
    }

    private static void read(SourceReader reader, ImportUpload upload, dev.baton.exchange.source.SourceSink sink) {
        try {
            LogImport.readSource(reader, upload.file(), sink, Progress.NONE);
        } catch (SourceFormatException e) {
            throw ImportRefused.export(upload.fileName() + ": " + e.describe() + "; nothing was imported", e.where());
        } catch (ExpansionRefusedException e) {
            throw ImportRefused.of(ImportRefused.Reason.TOO_LARGE, upload.fileName() + ": " + e.getMessage()
                    + "; nothing was imported");
        } catch (InputRefusedException e) {
            // Not UTF-8, or binary: the export is at fault (422), with the byte and line in the message.
            throw ImportRefused.export(upload.fileName() + ": " + e.getMessage() + "; nothing was imported", null);
        } catch (ZipException | EOFException e) {
            throw ImportRefused.export(upload.fileName() + ": the gzip stream is broken (" + e.getMessage()
                    + "); nothing was imported", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- storing

    /**
     * One multi-row insert a batch: a round trip for a thousand events rather than one each (the
     * statement has 10 parameters a row, well under PostgreSQL's 65,535).
     */
    private void insert(List<RecordedEvent> batch) {
        StringBuilder sql = new StringBuilder(INSERT);
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        jdbc.update(sql.toString(), ps -> {
            int p = 1;
            for (RecordedEvent e : batch) {
                ps.setString(p++, e.stream());
                ps.setLong(p++, e.version());
                ps.setString(p++, e.type());
                ps.setString(p++, e.actor());
                ps.setTimestamp(p++, Timestamp.from(e.at().truncatedTo(ChronoUnit.MICROS)));
                ps.setString(p++, e.workType());
                ps.setInt(p++, e.modelVersion());
                ps.setString(p++, e.eventId());
                ps.setString(p++, e.batch());
                ps.setString(p++, CODEC.payloadJson(e.event()));
            }
        });
    }

    /** The streams among {@code streams} that already hold events: work items Baton runs under the same id. */
    private List<String> conflicts(Set<String> streams) {
        List<String> taken = new ArrayList<>();
        List<String> all = new ArrayList<>(streams);
        for (int from = 0; from < all.size(); from += BATCH) {
            String[] chunk = all.subList(from, Math.min(all.size(), from + BATCH)).toArray(String[]::new);
            taken.addAll(jdbc.query(con -> {
                // Only the engine's own events (no batch): items of retracted batches may be imported again.
                var ps = con.prepareStatement("select distinct stream from events where stream = any(?) "
                        + "and batch_id is null order by stream");
                ps.setArray(1, con.createArrayOf("text", chunk));
                return ps;
            }, (rs, row) -> rs.getString(1)));
        }
        return taken;
    }

    private static String describeConflicts(List<String> taken) {
        return taken.size() + (taken.size() == 1 ? " item" : " items") + " of the export "
                + (taken.size() == 1 ? "has the id of a work item" : "have the ids of work items") + " Baton runs already ("
                + String.join(", ", taken.stream().limit(10).toList()) + (taken.size() > 10 ? ", …" : "") + ")";
    }

    // ---- the summary

    /** Receives the importer's new events: counts them, keeps the first ones, hands them on in batches. */
    private static final class Collector implements Consumer<RecordedEvent> {
        final Consumer<List<RecordedEvent>> store;
        final List<RecordedEvent> batch = new ArrayList<>(BATCH);
        final List<RecordedEvent> sample = new ArrayList<>(SAMPLE);
        final Map<List<String>, Long> stages = new LinkedHashMap<>();
        final Map<String, String> workTypeOf = new HashMap<>();
        final Set<String> newStreams = new LinkedHashSet<>();

        Collector(Consumer<List<RecordedEvent>> store) {
            this.store = store;
        }

        @Override
        public void accept(RecordedEvent e) {
            if (sample.size() < SAMPLE) {
                sample.add(e);
            }
            if (e.version() == 1) {
                newStreams.add(e.stream());
            }
            if (!(e.event() instanceof MeetingEvent)) {
                // A meeting is person-time, not an item: it has no work type to warn about.
                workTypeOf.putIfAbsent(e.stream(), e.workType() == null ? "" : e.workType());
            }
            String entered = e.event() instanceof ItemCreated c ? c.stage()
                    : e.event() instanceof StageEntered s ? s.to() : null;
            if (entered != null) {
                stages.merge(java.util.Arrays.asList(e.workType(), entered), 1L, Long::sum);
            }
            batch.add(e);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                store.accept(List.copyOf(batch));
                batch.clear();
            }
        }
    }

    private static ImportSummary summary(boolean stored, Prepared prepared, ImportUpload upload, ImportReport report,
                                         Collector collector, List<String> conflicts, ImportBatch batch) {
        OperatingModel model = prepared.model() == null ? null : prepared.model().model();
        List<ImportSummary.StageCount> stages = collector.stages.entrySet().stream()
                .map(e -> new ImportSummary.StageCount(e.getKey().get(0), e.getKey().get(1), e.getValue(),
                        hasStage(model, e.getKey().get(0), e.getKey().get(1))))
                .sorted(Comparator.comparing((ImportSummary.StageCount s) -> String.valueOf(s.workType()))
                        .thenComparing(s -> -s.events()))
                .toList();
        Map<String, Long> items = new LinkedHashMap<>();
        collector.workTypeOf.values().forEach(w -> items.merge(w, 1L, Long::sum));
        List<ImportSummary.WorkTypeCount> workTypes = items.entrySet().stream()
                .map(e -> new ImportSummary.WorkTypeCount(e.getKey().isEmpty() ? null : e.getKey(), e.getValue(),
                        model != null && model.workType(e.getKey()).isPresent()))
                .sorted(Comparator.comparing((ImportSummary.WorkTypeCount w) -> -w.items())).toList();
        return new ImportSummary(stored, upload.kind(), upload.fileName(),
                prepared.model() == null ? null : prepared.model().number(), report, stages, workTypes,
                unmapped(report, model), List.copyOf(collector.sample), warnings(model, stages, workTypes, conflicts, report),
                prepared.mappingWarnings().stream().filter(p -> !p.isError()).toList(), batch);
    }

    private static boolean hasStage(OperatingModel model, String workType, String stage) {
        return model != null && workType != null && model.workType(workType)
                .map(w -> w.stage(stage).isPresent()).orElse(false);
    }

    private static List<String> warnings(OperatingModel model, List<ImportSummary.StageCount> stages,
                                         List<ImportSummary.WorkTypeCount> workTypes, List<String> conflicts,
                                         ImportReport report) {
        List<String> warnings = new ArrayList<>();
        if (!conflicts.isEmpty()) {
            warnings.add(describeConflicts(conflicts) + ": importing would be refused. Rename them in the export or leave them out.");
        }
        // Histories whose completion does not add up, one sentence each with a count and example items.
        report.oddities().forEach(o -> warnings.add(capital(o.message()) + "."));
        if (model == null) {
            warnings.add("No operating model is stored yet: values are kept as the tool writes them and not checked.");
            return warnings;
        }
        for (ImportSummary.WorkTypeCount w : workTypes) {
            if (w.workType() == null) {
                warnings.add(w.items() + (w.items() == 1 ? " item matches" : " items match") + " no work-type rule of "
                        + "the mapping and would be imported without a work type: add work-types.default, or a by-type, "
                        + "by-project or by-label rule.");
            } else if (!w.inModel()) {
                warnings.add("Work type '" + w.workType() + "' (" + w.items() + (w.items() == 1 ? " item" : " items")
                        + ") is not in the operating model: the dashboard counts its items, but no declared flow covers "
                        + "them. Map it under work-types (" + String.join(", ", model.workTypes().stream()
                        .map(WorkType::id).toList()) + ").");
            }
        }
        List<ImportSummary.StageCount> foreign = stages.stream()
                .filter(s -> !s.inModel() && s.workType() != null && model.workType(s.workType()).isPresent()).toList();
        for (ImportSummary.StageCount s : foreign.stream().limit(8).toList()) {
            warnings.add("Stage '" + s.stage() + "' (" + s.events() + (s.events() == 1 ? " event" : " events")
                    + ") is not a stage of " + s.workType() + " in the model: moves into it count as deviations from "
                    + "the declared flow. Map the tool's status onto one of " + String.join(", ", model.workType(s.workType())
                    .orElseThrow().stages().stream().map(Stage::id).toList()) + " under stages.");
        }
        if (foreign.size() > 8) {
            warnings.add("… and " + (foreign.size() - 8) + " more stages not in the model.");
        }
        return warnings;
    }

    private static List<ImportSummary.Unmapped> unmapped(ImportReport report, OperatingModel model) {
        List<ImportSummary.Unmapped> result = new ArrayList<>();
        for (String category : report.unmapped().keySet()) {
            for (Map.Entry<String, Long> e : report.unmappedByCount(category)) {
                String value = e.getKey();
                String key;
                String hint;
                switch (category) {
                    case "stages" -> {
                        key = "stages." + quote(value);
                        hint = "map the status to a stage" + ids(model == null ? List.of() : model.workTypes().stream()
                                .flatMap(w -> w.stages().stream()).map(Stage::id).distinct().toList())
                                + "; until then it is kept as the stage '" + value + "'";
                    }
                    case "people" -> {
                        key = "people." + quote(value);
                        hint = "map the user to a person" + ids(model == null ? List.of()
                                : model.people().stream().map(Person::id).toList()) + ", or {person, function}";
                    }
                    case "work-types" -> {
                        String type = value.contains(" in ") ? value.substring(0, value.indexOf(" in ")) : value;
                        key = "work-types.by-type." + quote(type);
                        hint = "give these items a work type" + ids(model == null ? List.of() : model.workTypes().stream()
                                .map(WorkType::id).toList()) + " by type, project (work-types.by-project) or label "
                                + "(work-types.by-label), or set work-types.default";
                    }
                    case "fields" -> {
                        key = "fields.map." + quote(value);
                        hint = "map the field to a template field, or list it under fields.ignore";
                    }
                    default -> {
                        key = category + "." + quote(value);
                        hint = "cover it under " + category;
                    }
                }
                result.add(new ImportSummary.Unmapped(category, value, e.getValue(), key, hint));
            }
        }
        return result;
    }

    private static String ids(List<String> ids) {
        List<String> known = ids.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", known.stream().limit(8).toList()) + (known.size() > 8 ? ", …" : "") + ")";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String capital(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20))
                : String.format(java.util.Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
    }
}
