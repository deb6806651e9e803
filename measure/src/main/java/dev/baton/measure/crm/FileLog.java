package dev.baton.measure.crm;

import java.util.Arrays;

/**
 * What the rows of one file gave, in order, before it is merged with the other files' by
 * {@link Collected}: each problem, note and record as it came. Files are read apart (on as many
 * threads as there are cores, and a second time the careful way when the quick way meets
 * something unusual) and merged in the order given, so the checks that span files (an id given
 * twice) and the order of every message are as if the files were read one after the other.
 */
final class FileLog {

    /** Where a record goes; {@code what} names the id-less ones in "… given twice, kept once". */
    enum Target {
        LEADS(null), CONTACTS("contact roles"), OPPORTUNITIES(null), STAGE_CHANGES("stage changes"),
        MEMBERS("campaign members"), TOUCHPOINTS("touchpoints");

        final String what;

        Target(String what) {
            this.what = what;
        }
    }

    /** A record with an id: kept unless the id came before, where the duplicate problem points. */
    record Keyed(Target target, String scope, String id, Object value, String file, long line, int column) {
    }

    private static final byte PROBLEM = -1;
    private static final byte NOTE = -2;
    private static final byte KEYED = -3;

    /** Each entry's kind: one of the constants above, or the {@link Target} ordinal of an id-less record. */
    private byte[] kinds = new byte[256];
    private Object[] values = new Object[256];
    private int size;
    private int problems;
    /** How many id-less records, for {@link Collected#expect}. */
    private int rows;
    /** The file read, when its header was understood (on the log of its last part). */
    CrmReader.FileRead read;
    /** For a part of a file: how many lines it spans, and how many rows it has. */
    long lines;
    long rowsRead;

    void problem(CrmProblem problem) {
        add(PROBLEM, problem);
        problems++;
    }

    int problems() {
        return problems;
    }

    void note(String note) {
        add(NOTE, note);
    }

    /** A record without an id (a touchpoint, a contact role): kept once however often given. */
    void keepRow(Object value, Target target) {
        add((byte) target.ordinal(), value);
        rows++;
    }

    /** A record with an id, from the current row of {@code rows}; {@code field} is the id's column. */
    void keep(Rows rows, String field, String scope, String id, Object value, Target target) {
        add(KEYED, new Keyed(target, scope, id, value, rows.file(), rows.line(), rows.column(field)));
    }

    /** Numbers the lines of a part of a file as in the file: {@code before} lines come before it. */
    void moveLines(long before) {
        if (before == 0) {
            return;
        }
        for (int i = 0; i < size; i++) {
            if (values[i] instanceof CrmProblem p && p.line() > 0) {
                values[i] = new CrmProblem(p.file(), p.line() + before, p.column(), p.message());
            } else if (values[i] instanceof Keyed k) {
                values[i] = new Keyed(k.target(), k.scope(), k.id(), k.value(), k.file(), k.line() + before, k.column());
            }
        }
    }

    private void add(byte kind, Object value) {
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        kinds[size] = kind;
        values[size++] = value;
    }

    /** Replays the entries in order into {@code c}. */
    void replay(Collected c) {
        c.expect(rows);
        Target[] targets = Target.values();
        for (int i = 0; i < size; i++) {
            Object v = values[i];
            switch (kinds[i]) {
                case PROBLEM -> c.problems.add((CrmProblem) v);
                case NOTE -> c.note((String) v);
                case KEYED -> c.keyed((Keyed) v);
                default -> c.row(v, targets[kinds[i]]);
            }
        }
    }
}
