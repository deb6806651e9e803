package dev.baton.measure.crm;

import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.ExportKind;
import dev.baton.measure.outcome.StageRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one export as its kind's fields: each value read is checked, and every mistake
 * becomes a {@link CrmProblem} at the row's line and the field's column, so that one run reports
 * them all. A field whose column the header lacks reads as empty.
 */
final class Rows {

    private final String file;
    private final ExportKind kind;
    private final OutcomeMapping mapping;
    private final Map<String, Integer> columns;
    private final List<String> header;
    private final FileLog problems;
    private final Cells record;
    /** The header columns that date a funnel stage, found once per file (not once per row). */
    private Map<String, Integer> stageDateColumns;
    private long line;
    private int problemsBefore;

    Rows(String file, ExportKind kind, OutcomeMapping mapping, Map<String, Integer> columns, List<String> header,
         FileLog problems, Cells record) {
        this.file = file;
        this.kind = kind;
        this.mapping = mapping;
        this.columns = columns;
        this.header = header;
        this.problems = problems;
        this.record = record;
    }

    /** The same file's rows (kind, columns, header) into another log, from other cells: a part of the file. */
    Rows with(FileLog log, Cells cells) {
        return new Rows(file, kind, mapping, columns, header, log, cells);
    }

    /** The current record is at {@code line} (its last line, when a quoted value spans lines). */
    void at(long line) {
        this.line = line;
        this.problemsBefore = problems.problems();
    }

    /** How many values the header names. */
    int width() {
        return header.size();
    }

    String file() {
        return file;
    }

    long line() {
        return line;
    }

    /** "file:line", for notes and for "first at" in duplicate errors. */
    String where() {
        return file + ":" + line;
    }

    ExportKind kind() {
        return kind;
    }

    OutcomeMapping mapping() {
        return mapping;
    }

    /** Whether the current row added no problem. */
    boolean clean() {
        return problems.problems() == problemsBefore;
    }

    boolean has(String field) {
        return columns.containsKey(field);
    }

    /** The header columns that date a funnel stage (stage id → column index). */
    Map<String, Integer> stageDateColumns() {
        if (stageDateColumns == null) {
            stageDateColumns = findStageDateColumns();
        }
        return stageDateColumns;
    }

    private Map<String, Integer> findStageDateColumns() {
        Map<String, Integer> result = new HashMap<>();
        Map<String, String> byNormal = new HashMap<>();
        mapping.stageDates().forEach((column, stage) -> byNormal.put(ExportKind.normal(column), stage));
        for (int i = 0; i < header.size(); i++) {
            String stage = byNormal.get(ExportKind.normal(header.get(i)));
            if (stage != null) {
                result.putIfAbsent(stage, i);
            }
        }
        return result;
    }

    /** The value, trimmed; null when empty or when the header lacks the column. */
    String text(String field) {
        Integer i = columns.get(field);
        return i == null ? null : cell(i);
    }

    String cell(int index) {
        return record.cell(index);
    }

    /** The value kept once per distinct value. */
    String pooled(String field) {
        Integer i = columns.get(field);
        return i == null ? null : record.pooled(i);
    }

    /** The value as an email address (lower case), kept once per distinct value: emails repeat across a person's touches. */
    String pooledEmail(String field) {
        Integer i = columns.get(field);
        return i == null ? null : record.pooledEmail(i);
    }

    String required(String field) {
        String v = text(field);
        if (v == null) {
            problem(field, "expected a value, found nothing");
        }
        return v;
    }

    Instant date(String field, boolean required) {
        Integer i = columns.get(field);
        return i == null ? null : date(i, required);
    }

    Instant date(int index, boolean required) {
        String v = cell(index);
        if (v == null) {
            if (required) {
                problemAt(index, "expected " + CrmDates.EXPECTED + ", found nothing");
            }
            return null;
        }
        Instant at = CrmDates.parse(v, mapping.dayFirst());
        if (at == null) {
            problemAt(index, "expected " + CrmDates.EXPECTED + ", found '" + v + "'" + CrmDates.hint(v, mapping.dayFirst()));
        }
        return at;
    }

    /**
     * An amount as exports write it: {@code 12500}, {@code 12,500.00}, {@code $12,500}, {@code USD 12500};
     * empty is 0 (an opportunity without an amount yet).
     */
    double amount(String field) {
        String v = text(field);
        if (v == null) {
            return 0;
        }
        String plain = plainAmount(v);
        try {
            double d = Double.parseDouble(plain);
            if (Double.isFinite(d) && d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(field, "expected an amount like 12500.00 (not negative), found '" + v + "'");
        return 0;
    }

    /**
     * The amount without a leading currency code (three letters and spaces), currency signs, spaces
     * and thousands separators; by hand, not by regular expression: every touchpoint has a cost.
     */
    static String plainAmount(String v) {
        int n = v.length();
        int start = 0;
        if (n >= 3 && letter(v.charAt(0)) && letter(v.charAt(1)) && letter(v.charAt(2))) {
            start = 3;
            while (start < n && space(v.charAt(start))) {
                start++;
            }
        }
        StringBuilder kept = null;
        for (int i = start; i < n; i++) {
            char c = v.charAt(i);
            boolean drop = c == '$' || c == '€' || c == '£' || c == '¥' || c == ',' || space(c);
            if (drop && kept == null) {
                kept = new StringBuilder(n).append(v, start, i);
            } else if (!drop && kept != null) {
                kept.append(c);
            }
        }
        return kept != null ? kept.toString() : start == 0 ? v : v.substring(start);
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What a stage, status or lifecycle value means; null with an error when the funnel does not know it. */
    StageRef stage(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        StageRef ref = mapping.stages().of(v).orElse(null);
        if (ref == null) {
            problem(field, "unknown stage '" + v + "': expected a funnel stage (" + String.join(", ",
                    mapping.stages().ids()) + "), a Salesforce or HubSpot default, or a value the mapping's 'stages' "
                    + "names (add a line such as '" + v + ": " + mapping.stages().id(mapping.stages().opportunity())
                    + "')");
        }
        return ref;
    }

    void problem(String field, String message) {
        Integer i = columns.get(field);
        problemAt(i == null ? 0 : i, message);
    }

    void problemAt(int index, String message) {
        String name = index < header.size() ? header.get(index) : "#" + (index + 1);
        problems.problem(new CrmProblem(file, line, index + 1, "column '" + name + "': " + message));
    }

    /** The column of a problem of the whole row (a duplicate id): the field's, from 1. */
    int column(String field) {
        Integer i = columns.get(field);
        return i == null ? 1 : i + 1;
    }
}
