package dev.baton.app.learning;

import dev.baton.engine.version.ModelVersion;
import dev.baton.model.change.ProposedChange;
import dev.baton.model.problem.Problem;
import java.util.List;
import java.util.Map;

/**
 * A proposed change checked before anything is recorded, so that a page and the API refuse it with
 * the same words: a mistake in its members ({@code invalid-input}), a change that does not apply to
 * the current model ({@code change-refused}), or one that would leave it invalid ({@code invalid-model}).
 *
 * @param problem null when the change may be proposed
 */
record ChangeCheck(ProposedChange change, ProposalPreview preview, String problem, String detail,
                   List<ProposedChange.Mistake> mistakes) {

    static ChangeCheck of(Map<String, ?> members, ModelVersion current) {
        ProposedChange.Read read = ProposedChange.read(members);
        if (!read.ok()) {
            return new ChangeCheck(null, null, "invalid-input", String.join("; ", read.mistakes().stream()
                    .map(ProposedChange.Mistake::message).toList()), read.mistakes());
        }
        ProposalPreview preview = ProposalPreview.of(read.change(), current.number(), current);
        if (!preview.applies()) {
            return new ChangeCheck(read.change(), preview, "change-refused", preview.refused(), List.of());
        }
        if (!preview.valid()) {
            List<Problem> errors = preview.written().report().errors();
            return new ChangeCheck(read.change(), preview, "invalid-model", "The change would leave model version "
                    + current.number() + " with " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "; nothing was recorded. First: " + errors.get(0).format("model.yaml"), List.of());
        }
        return new ChangeCheck(read.change(), preview, null, null, List.of());
    }

    boolean ok() {
        return problem == null;
    }
}
