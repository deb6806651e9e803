package dev.baton.app.outcome;

import dev.baton.measure.crm.CrmProblem;
import dev.baton.model.problem.Problem;
import java.util.List;

/**
 * An outcome export the server refuses, and why; nothing was stored. The API turns it into a
 * problem detail (status and code below), the Import page into messages at {@code file:line:col}.
 */
public final class OutcomeRefused extends RuntimeException {

    public enum Reason {
        UNKNOWN_KIND(400, "unknown-kind"),
        NO_FILE(400, "invalid-input"),
        INVALID_MAPPING(422, "invalid-mapping"),
        INVALID_EXPORT(422, "invalid-export"),
        NAME_TAKEN(409, "import-conflict");

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
    private final List<CrmProblem> problems;
    private final List<Problem> mappingProblems;

    OutcomeRefused(Reason reason, String detail, List<CrmProblem> problems, List<Problem> mappingProblems) {
        super(detail);
        this.reason = reason;
        this.problems = List.copyOf(problems);
        this.mappingProblems = List.copyOf(mappingProblems);
    }

    static OutcomeRefused of(Reason reason, String detail) {
        return new OutcomeRefused(reason, detail, List.of(), List.of());
    }

    public Reason reason() {
        return reason;
    }

    /** Every problem of the export, each at its file, line and column. */
    public List<CrmProblem> problems() {
        return problems;
    }

    /** The mapping's problems, with their lines and columns. */
    public List<Problem> mappingProblems() {
        return mappingProblems;
    }
}
