package dev.baton.measure.crm;

import dev.baton.engine.io.CsvProblem;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.io.Utf8;
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

    /** A file to read: its name as the user gave it (for messages) and how to open it. */
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
        List<CrmProblem> problems = new ArrayList<>();
        List<FileRead> files = new ArrayList<>();
        Collected collected = new Collected();
        for (Source source : sources) {
            readOne(source, mapping, collected, problems, files);
        }
        List<String> notes = new ArrayList<>();
        collected.notes.forEach((note, count) -> notes.add(count + " " + note));
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems), files, notes);
        }
        return new Result(collected.data(), List.of(), files, notes);
    }

    private static void readOne(Source source, OutcomeMapping mapping, Collected collected, List<CrmProblem> problems,
                                List<FileRead> files) {
        String name = source.name();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        InputStream raw = null;
        long rows = 0;
        try (InputStream in = Gzip.detect(source.opener().open());
             CSVParser parser = CSVParser.builder().setReader(Utf8.reader(in)).setFormat(format).get()) {
            raw = in;
            var iterator = parser.iterator();
            if (!iterator.hasNext()) {
                problems.add(new CrmProblem(name, 1, 1, "the file is empty: expected a header row"));
                return;
            }
            List<String> header = iterator.next().toList().stream().map(String::strip).toList();
            ExportKind kind = kind(name, header, mapping, problems);
            if (kind == null) {
                return;
            }
            Map<String, Integer> columns = columns(name, kind, header, mapping, problems);
            if (columns == null) {
                return;
            }
            Rows r = new Rows(name, kind, mapping, columns, header, problems);
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                long line = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                rows++;
                r.at(record, line);
                if (record.size() > header.size()) {
                    r.problemAt(header.size(), "expected " + header.size() + " values as in the header, found "
                            + record.size() + " (a stray separator, or a value with a comma not in quotes)");
                    continue;
                }
                dispatch(kind, r, collected);
            }
            files.add(new FileRead(name, kind, rows));
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            var refused = raw == null ? dev.baton.engine.io.InputRefusedException.in(e) : Gzip.refusal(raw, e);
            if (refused.isPresent()) {
                problems.add(new CrmProblem(name, 1, 1, refused.get().getMessage()));
            } else if (e instanceof java.nio.file.NoSuchFileException) {
                problems.add(new CrmProblem(name, 0, 0, "no such file"));
            } else {
                CsvProblem p = CsvProblem.of(e);
                problems.add(new CrmProblem(name, p.line(), 1, p.message()));
            }
        }
    }

    private static void dispatch(ExportKind kind, Rows r, Collected c) {
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
    private static ExportKind kind(String name, List<String> header, OutcomeMapping mapping, List<CrmProblem> problems) {
        String fileName = Path.of(name).getFileName().toString();
        String named = mapping.files().get(fileName);
        if (named != null) {
            return ExportKind.byId(named).orElseThrow();
        }
        Set<String> normal = new LinkedHashSet<>();
        header.forEach(h -> normal.add(ExportKind.normal(h)));
        var kind = ExportKind.recognise(normal);
        if (kind.isEmpty()) {
            problems.add(new CrmProblem(name, 1, 1, "cannot tell which export this is from its header (" + String.join(
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
                                                OutcomeMapping mapping, List<CrmProblem> problems) {
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
            problems.add(new CrmProblem(name, 1, 1, kind.label() + " needs the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; the header is: " + String.join(", ", header)));
            return null;
        }
        return columns;
    }
}
