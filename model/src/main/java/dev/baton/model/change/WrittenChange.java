package dev.baton.model.change;

import dev.baton.model.compare.LineDiff;
import dev.baton.model.validation.ValidationReport;
import java.util.List;

/**
 * A proposed change written into a model's text: the text before and after (only the lines of the
 * change differ), what {@code baton model validate} says of the new text, and a sentence saying
 * what the change does in the model's names ("Campaign › Brief review: SLA 2d added").
 */
public record WrittenChange(ProposedChange change, String before, String after, ValidationReport report,
                            String summary) {

    /** Whether the new text is a valid model: only then can it become a model version. */
    public boolean valid() {
        return report.valid();
    }

    /** The changed lines with {@code context} lines around them, as {@code diff -u} shows them. */
    public List<LineDiff.Hunk> diff(int context) {
        return LineDiff.hunks(LineDiff.of(before, after), context);
    }
}
