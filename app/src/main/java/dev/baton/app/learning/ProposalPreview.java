package dev.baton.app.learning;

import dev.baton.engine.learning.LearningDecider;
import dev.baton.engine.version.ModelVersion;
import dev.baton.model.change.ChangeRefused;
import dev.baton.model.change.ChangeWriter;
import dev.baton.model.change.ProposedChange;
import dev.baton.model.change.WrittenChange;
import dev.baton.model.compare.LineDiff;
import dev.baton.model.compare.ModelChange;
import dev.baton.model.compare.ModelComparison;
import java.util.List;

/**
 * A proposed change as its reviewer sees it: written into the current model version's text (again,
 * when it was proposed on an older one), as a YAML diff with the validation of the new text and the
 * changes in words ({@link ModelComparison}, as on the Compare versions page); or the reason it no
 * longer applies.
 *
 * @param reapplied the current version is newer than the one the change was proposed on
 */
public record ProposalPreview(int currentVersion, int baseVersion, boolean reapplied, WrittenChange written,
                              String refused, List<ModelChange> changes) {

    /** Context lines around each change in the diff, as the model editor shows its draft. */
    static final int CONTEXT = 3;

    public static ProposalPreview of(ProposedChange change, int baseVersion, ModelVersion current) {
        boolean reapplied = current.number() != baseVersion;
        try {
            WrittenChange written = ChangeWriter.write(LearningDecider.FILE, current.source(), change);
            List<ModelChange> changes = written.report().model() == null ? List.of()
                    : ModelComparison.compare(current.model(), written.report().model());
            return new ProposalPreview(current.number(), baseVersion, reapplied, written, null, changes);
        } catch (ChangeRefused e) {
            return new ProposalPreview(current.number(), baseVersion, reapplied, null, e.reason(), List.of());
        }
    }

    public boolean applies() {
        return written != null;
    }

    public boolean valid() {
        return written != null && written.valid();
    }

    public List<LineDiff.Hunk> diff() {
        return written == null ? List.of() : written.diff(CONTEXT);
    }

    /** The diff as {@code diff -u} prints it, for the API. */
    public String unified() {
        StringBuilder out = new StringBuilder();
        for (LineDiff.Hunk h : diff()) {
            if (h.gap()) {
                out.append("…\n");
            }
            h.lines().forEach(l -> out.append(l.marker()).append(' ').append(l.text()).append('\n'));
        }
        return out.toString();
    }
}
