package dev.baton.exchange.importing;

import dev.baton.exchange.mapping.Completion;
import dev.baton.exchange.source.SourceItem;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a status is done for an item, from three sources: the statuses the mapping lists under
 * {@code completion.done-statuses}, the final stages of the item's work type in the model, and
 * what the export itself says (Jira's status category, known for the current status only). A
 * status is done when one source says so, not done when a source knows and none says so, and
 * unknown when no source knows: then the status neither completes nor reopens anything.
 */
final class DoneStatuses {

    private final Completion completion;
    private final OperatingModel model;
    private final Map<String, List<String>> finals = new HashMap<>();

    DoneStatuses(Completion completion, OperatingModel model) {
        this.completion = completion;
        this.model = model;
    }

    /**
     * @param workType   the item's work type (may be null)
     * @param toolStatus the status as the tool shows it
     * @param stage      the stage it maps to
     * @return TRUE done, FALSE not done, null unknown
     */
    Boolean of(String workType, SourceItem item, String toolStatus, String stage) {
        if (toolStatus == null && stage == null) {
            return null;
        }
        Boolean known = null;
        if (completion.listsDoneStatuses()) {
            if (completion.lists(toolStatus, stage)) {
                return Boolean.TRUE;
            }
            known = Boolean.FALSE;
        }
        List<String> finalStages = finalStages(workType);
        if (finalStages != null) {
            if (finalStages.contains(stage)) {
                return Boolean.TRUE;
            }
            known = Boolean.FALSE;
        }
        Boolean fromExport = item == null ? null : item.done(toolStatus);
        return fromExport != null ? fromExport : known;
    }

    /** Done as far as the model knows (for events already in the log, whose tool status is gone). */
    Boolean ofStage(String workType, String stage) {
        List<String> finalStages = finalStages(workType);
        return finalStages == null || stage == null ? null : finalStages.contains(stage);
    }

    private List<String> finalStages(String workType) {
        if (model == null || workType == null) {
            return null;
        }
        return finals.computeIfAbsent(workType, w -> model.workType(w).map(WorkType::finalStages).orElse(null));
    }
}
