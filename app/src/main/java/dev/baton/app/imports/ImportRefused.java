package dev.baton.app.imports;

import dev.baton.model.problem.Problem;
import java.util.List;

/**
 * An upload the server refuses to preview or import, and why; nothing was stored. The API turns
 * it into a problem detail, the Import page into a message next to the field at fault.
 */
public final class ImportRefused extends RuntimeException {

    /** What was wrong, each with the HTTP status and problem code the API answers with. */
    public enum Reason {
        UNKNOWN_KIND(400, "unknown-kind"),
        NO_FILE(400, "invalid-input"),
        INVALID_MAPPING(422, "invalid-mapping"),
        INVALID_EXPORT(422, "invalid-export"),
        TOO_LARGE(413, "upload-too-large"),
        CONFLICT(409, "import-conflict"),
        UNKNOWN_BATCH(404, "unknown-batch"),
        ALREADY_RETRACTED(409, "already-retracted");

        private final int status;
        private final String code;

        Reason(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final String where;
    private final List<Problem> problems;
    private final List<String> streams;

    private ImportRefused(Reason reason, String detail, String where, List<Problem> problems, List<String> streams) {
        super(detail);
        this.reason = reason;
        this.where = where;
        this.problems = List.copyOf(problems);
        this.streams = List.copyOf(streams);
    }

    static ImportRefused of(Reason reason, String detail) {
        return new ImportRefused(reason, detail, null, List.of(), List.of());
    }

    /** An export that is not of its kind, or breaks off: {@code where} is the line and column, row or path. */
    static ImportRefused export(String detail, String where) {
        return new ImportRefused(Reason.INVALID_EXPORT, detail, where, List.of(), List.of());
    }

    /** A mapping with errors: every one of them, with its line and column. */
    static ImportRefused mapping(String detail, List<Problem> problems) {
        return new ImportRefused(Reason.INVALID_MAPPING, detail, null, problems, List.of());
    }

    /** Items of the export whose ids are work items Baton runs already. */
    static ImportRefused conflict(String detail, List<String> streams) {
        return new ImportRefused(Reason.CONFLICT, detail, null, List.of(), streams);
    }

    public Reason reason() {
        return reason;
    }

    /** Where the export broke (null when not about the export). */
    public String where() {
        return where;
    }

    /** The mapping's problems (errors and warnings), in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** The conflicting item ids. */
    public List<String> streams() {
        return streams;
    }
}
