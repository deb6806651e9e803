package dev.baton.app.outcome;

import dev.baton.app.imports.ImportRefused.Reason;
import dev.baton.measure.crm.CrmProblem;
import dev.baton.model.problem.Problem;
import java.util.List;

/**
 * An outcome export the server refuses, and why; nothing was stored. The API turns it into a
 * problem detail (the status and code of the work imports' {@link Reason}), the Import page into messages at {@code file:line:col}.
 */
public final class OutcomeRefused extends RuntimeException {

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
