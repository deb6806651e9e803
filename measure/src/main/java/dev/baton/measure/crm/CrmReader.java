package dev.baton.measure.crm;

import dev.baton.engine.io.CsvProblem;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.io.Utf8;
import dev.baton.measure.csv.CsvScanner;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.ExportKind;
import dev.baton.measure.outcome.OutcomeData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CRM exports (Salesforce reports, HubSpot exports) and touchpoint files, streaming, one row
 * at a time. Each file's kind is recognised from its header; its columns are found by their
 * headers (any order, common variants, the mapping's overrides). Every problem of every file is
 * collected; when there is one, nothing is returned but the problems: bad input stores nothing.
 */
public final class CrmReader {

    /**
     * A file to read: its name as the user gave it (for messages) and how to open it (each time from
     * the start: a file with something unusual in it is read a second time).
     */
    public record Source(String name, Opener opener) {
        public static Source of(Path path) {
            return new Source(path.toString(), () -> Files.newInputStream(path));
        }
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * What a read gave.
     *
     * @param data     the records, or null when there were problems
     * @param files    each file read with its kind and rows
     * @param notes    what was kept once or skipped, with counts ("3 touchpoints given twice, kept once")
     */
    public record Result(OutcomeData data, List<CrmProblem> problems, List<FileRead> files, List<String> notes) {
        public boolean ok() {
            return data != null;
        }
    }

    public record FileRead(String name, ExportKind kind, long rows) {
    }

    private CrmReader() {
    }

    /** The CSV files among {@code paths}: a directory gives its {@code .csv} and {@code .csv.gz} files, sorted. */
    public static List<Source> sources(List<Path> paths) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    files.filter(f -> f.getFileName().toString().matches("(?i).*\\.csv(\\.gz)?")).sorted()
                            .forEach(f -> sources.add(Source.of(f)));
                }
            } else {
                sources.add(Source.of(p));
            }
        }
        return sources;
    }

    public static Result read(List<Source> sources, OutcomeMapping mapping) {
        Merge merge = new Merge();
        readAll(sources, mapping, merge::add);
        return merge.result();
    }

    /**
     * One part of a file split by lines elsewhere (baton-scale reads a large touchpoint file in
     * parts on many machines): its header, then some of its lines, read by the same rules as a whole
     * file. Line numbers in problems count from the part's start; a quoted value spanning lines must
     * not be split.
     */
    public static Result readPart(String name, String header, java.util.Iterator<String> lines, OutcomeMapping mapping) {
        StringBuilder text = new StringBuilder(header).append('\n');
        while (lines.hasNext()) {
            text.append(lines.next()).append('\n');
        }
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return merge(List.of(readWithCommons(new Source(name, () -> new java.io.ByteArrayInputStream(bytes)), mapping)));
    }

    /**
     * The note a read makes of {@code count} touchpoints given again (exact repeats, kept once), as
     * {@link Result#notes} says it: for a reader that keeps repeats once across parts read apart.
     */
    public static String touchpointsKeptOnce(long count) {
        return count + " " + FileLog.Target.TOUCHPOINTS.what + Collected.KEPT_ONCE;
    }

    /** The files' records, notes and problems merged in the order the files were given. */
    static Result merge(List<FileLog> logs) {
        Merge merge = new Merge();
        logs.forEach(merge::add);
        return merge.result();
    }

    /** Files' logs merged one after the other, in the order given. */
    private static final class Merge {
        private final Collected collected = new Collected();
        private final List<FileRead> files = new ArrayList<>();

        void add(FileLog log) {
            log.replay(collected);
            if (log.read != null) {
                files.add(log.read);
            }
        }

        Result result() {
            List<String> notes = new ArrayList<>();
            collected.notes.forEach((note, count) -> notes.add(count + " " + note));
            if (!collected.problems.isEmpty()) {
                return new Result(null, List.copyOf(collected.problems), files, notes);
            }
            return new Result(collected.data(), List.of(), files, notes);
        }
    }

    /**
     * Each file read on its own, in parts on as many threads as there are cores (the parts of a
     * touchpoint file and the CRM exports at once), and handed to {@code merged} in the order given:
     * a file's records are merged as soon as it and those before it are read.
     */
    private static void readAll(List<Source> sources, OutcomeMapping mapping, Consumer<FileLog> merged) {
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads <= 1) {
            sources.forEach(s -> readOne(s, mapping, 1).forEach(merged));
            return;
        }
        ExecutorService pool = Readers.POOL;
        // What this read submitted, to cancel when it fails: the pool is shared with other reads.
        List<Future<?>> submitted = new ArrayList<>();
        try {
            List<Future<ScannedFile>> loads = new ArrayList<>();
            for (Source source : sources) {
                loads.add(pool.submit(() -> ScannedFile.load(source, mapping)));
                submitted.add(loads.get(loads.size() - 1));
            }
            record Parts(ScannedFile file, List<int[]> ranges, List<Future<FileLog>> logs) {
            }
            List<Parts> files = new ArrayList<>();
            for (int i = 0; i < loads.size(); i++) {
                ScannedFile file = loads.get(i).get();
                loads.set(i, null); // the bytes are let go once the file is merged
                List<int[]> ranges = file == null || !file.hasRows() ? List.of()
                        : file.parts(threads * 4, ScannedFile.MIN_PART);
                List<Future<FileLog>> logs = new ArrayList<>();
                for (int[] r : ranges) {
                    logs.add(pool.submit(() -> file.part(r[0], r[1])));
                    submitted.add(logs.get(logs.size() - 1));
                }
                files.add(new Parts(file, ranges, logs));
            }
            for (int i = 0; i < sources.size(); i++) {
                Parts p = files.get(i);
                List<FileLog> joined = null;
                if (p.file() != null && !p.file().hasRows()) {
                    joined = List.of(p.file().head);
                } else if (p.file() != null) {
                    List<FileLog> logs = new ArrayList<>();
                    for (Future<FileLog> log : p.logs()) {
                        logs.add(log.get());
                    }
                    joined = p.file().join(p.ranges(), logs);
                }
                if (joined == null) {
                    joined = List.of(readWithCommons(sources.get(i), mapping));
                }
                joined.forEach(merged);
                files.set(i, null); // the bytes read can go
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the exports", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            // Done reads are unaffected; a failed one leaves no work queued for the next read.
            submitted.forEach(f -> f.cancel(true));
        }
    }

    /**
     * The reading threads, one per core, made once: the server reads the stored exports on every
     * outcome page and API call, and a pool per read would start and stop threads each time.
     * Daemon threads, so an idle pool never keeps a command from exiting.
     */
    private static final class Readers {
        static final ExecutorService POOL = Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "baton-crm-reader");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * One file, in order: read from its bytes in about {@code parts} parts, or, when it holds
     * something the byte reading leaves to Commons CSV (a stray quote, bytes that are not UTF-8, a
     * read error), again from the start with Commons CSV, which says what is wrong and where. Both
     * give the same records.
     */
    static List<FileLog> readOne(Source source, OutcomeMapping mapping, int parts) {
        List<FileLog> quick = readScanned(source, mapping, parts, ScannedFile.MIN_PART);
        return quick != null ? quick : List.of(readWithCommons(source, mapping));
    }

    /**
     * The file read as bytes in about {@code parts} parts (of at least {@code minPart} bytes), one
     * after the other; null when Commons CSV must read it.
     */
    static List<FileLog> readScanned(Source source, OutcomeMapping mapping, int parts, int minPart) {
        ScannedFile file = ScannedFile.load(source, mapping);
        if (file == null) {
            return null;
        }
        if (!file.hasRows()) {
            return List.of(file.head);
        }
        List<int[]> ranges = file.parts(parts, minPart);
        List<FileLog> logs = new ArrayList<>();
        for (int[] r : ranges) {
            logs.add(file.part(r[0], r[1]));
        }
        return file.join(ranges, logs);
    }

    /** The file read with Commons CSV (strict UTF-8), every problem said where it is. */
    static FileLog readWithCommons(Source source, OutcomeMapping mapping) {
        String name = source.name();
        FileLog log = new FileLog();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        InputStream raw = null;
        long rows = 0;
        try (InputStream in = Gzip.detect(source.opener().open());
             CSVParser parser = CSVParser.builder().setReader(Utf8.reader(in)).setFormat(format).get()) {
            raw = in;
            var iterator = parser.iterator();
            if (!iterator.hasNext()) {
                log.problem(new CrmProblem(name, 1, 1, "the file is empty: expected a header row"));
                return log;
            }
            List<String> header = iterator.next().toList().stream().map(String::strip).toList();
            Cells.Commons cells = new Cells.Commons();
            Rows r = rows(name, header, mapping, log, cells);
            if (r == null) {
                return log;
            }
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                long line = parser.getCurrentLineNumber();
                cells.at(record);
                if (cells.blank()) {
                    continue;
                }
                rows++;
                r.at(line);
                if (record.size() > header.size()) {
                    r.problemAt(header.size(), tooMany(header.size(), record.size()));
                    continue;
                }
                dispatch(r.kind(), r, log);
            }
            log.read = new FileRead(name, r.kind(), rows);
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            var refused = raw == null ? dev.baton.engine.io.InputRefusedException.in(e) : Gzip.refusal(raw, e);
            if (refused.isPresent()) {
                log.problem(new CrmProblem(name, 1, 1, refused.get().getMessage()));
            } else if (e instanceof java.nio.file.NoSuchFileException) {
                log.problem(new CrmProblem(name, 0, 0, "no such file"));
            } else {
                CsvProblem p = CsvProblem.of(e);
                log.problem(new CrmProblem(name, p.line(), 1, p.message()));
            }
        }
        return log;
    }

    static String tooMany(int width, int size) {
        return "expected " + width + " values as in the header, found " + size
                + " (a stray separator, or a value with a comma not in quotes)";
    }

    /** The rows of the file with this header, or null with the problem (no kind known, columns missing) in the log. */
    static Rows rows(String name, List<String> header, OutcomeMapping mapping, FileLog log, Cells cells) {
        ExportKind kind = kind(name, header, mapping, log);
        if (kind == null) {
            return null;
        }
        Map<String, Integer> columns = columns(name, kind, header, mapping, log);
        if (columns == null) {
            return null;
        }
        return new Rows(name, kind, mapping, columns, header, log, cells);
    }

    static void dispatch(ExportKind kind, Rows r, FileLog c) {
        switch (kind) {
            case SALESFORCE_LEADS -> SalesforceRows.lead(r, c);
            case SALESFORCE_OPPORTUNITIES -> SalesforceRows.opportunity(r, c);
            case SALESFORCE_CONTACT_ROLES -> SalesforceRows.contactRole(r, c);
            case SALESFORCE_OPPORTUNITY_HISTORY -> SalesforceRows.history(r, c);
            case SALESFORCE_CAMPAIGN_MEMBERS -> SalesforceRows.campaignMember(r, c);
            case HUBSPOT_DEALS -> HubSpotRows.deal(r, c);
            case HUBSPOT_CONTACTS -> HubSpotRows.contact(r, c);
            case TOUCHPOINTS -> TouchpointRows.touchpoint(r, c);
        }
    }

    /** The kind the mapping names for the file, else the one its header shows. */
    private static ExportKind kind(String name, List<String> header, OutcomeMapping mapping, FileLog problems) {
        String fileName = Path.of(name).getFileName().toString();
        String named = mapping.files().get(fileName);
        if (named != null) {
            return ExportKind.byId(named).orElseThrow();
        }
        Set<String> normal = new LinkedHashSet<>();
        header.forEach(h -> normal.add(ExportKind.normal(h)));
        var kind = ExportKind.recognise(normal);
        if (kind.isEmpty()) {
            problems.problem(new CrmProblem(name, 1, 1, "cannot tell which export this is from its header (" + String.join(
                    ", ", header) + "): expected a Salesforce leads, opportunities, opportunity contact roles, "
                    + "opportunity history or campaign members report, a HubSpot deals or contacts export, or a "
                    + "touchpoint file (email or account, time, channel…); or name its kind under 'files' in the mapping"));
        }
        return kind.orElse(null);
    }

    /**
     * Each field's column index. A required field whose column is missing is an error naming the
     * columns it may have and the header line; the mapping's override of a field must be in the header.
     */
    private static Map<String, Integer> columns(String name, ExportKind kind, List<String> header,
                                                OutcomeMapping mapping, FileLog problems) {
        Map<String, Integer> exact = new HashMap<>();
        Map<String, Integer> normal = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            exact.putIfAbsent(header.get(i), i);
            normal.putIfAbsent(ExportKind.normal(header.get(i)), i);
        }
        Map<String, String> overrides = mapping.columns().getOrDefault(kind.id(), Map.of());
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ExportKind.Field field : kind.fields()) {
            String override = overrides.get(field.name());
            if (override != null) {
                Integer i = exact.getOrDefault(override, normal.get(ExportKind.normal(override)));
                if (i == null) {
                    missing.add("'" + override + "' (columns." + kind.id() + "." + field.name() + " in the mapping)");
                } else {
                    columns.put(field.name(), i);
                }
                continue;
            }
            Integer found = null;
            for (String alias : field.aliases()) {
                found = exact.get(alias);
                if (found == null) {
                    found = normal.get(ExportKind.normal(alias));
                }
                if (found != null) {
                    break;
                }
            }
            if (found != null) {
                columns.put(field.name(), found);
            } else if (field.required()) {
                missing.add(field.aliases().size() == 1 ? "'" + field.aliases().get(0) + "'"
                        : "'" + field.aliases().get(0) + "' (or " + String.join(", ", field.aliases().subList(1,
                        field.aliases().size()).stream().map(a -> "'" + a + "'").toList()) + ")");
            }
        }
        if (kind == ExportKind.TOUCHPOINTS && !columns.containsKey("email") && !columns.containsKey("account")) {
            missing.add("'email' or 'account'");
        }
        if (!missing.isEmpty()) {
            problems.problem(new CrmProblem(name, 1, 1, kind.label() + " needs the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; the header is: " + String.join(", ", header)));
            return null;
        }
        return columns;
    }
}
