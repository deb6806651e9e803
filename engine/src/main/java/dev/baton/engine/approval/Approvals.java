package dev.baton.engine.approval;

import java.util.ArrayList;
import java.util.List;

/**
 * The approvals given at the item's current stage: whether they were asked for, and the parties
 * (gate approvers) on whose behalf someone approved. Entering a stage or a denial starts over.
 */
public record Approvals(boolean requested, List<String> granted) {

    public static final Approvals NONE = new Approvals(false, List.of());

    public Approvals {
        granted = List.copyOf(granted);
    }

    public Approvals asked() {
        return new Approvals(true, granted);
    }

    public Approvals grantedBy(String party) {
        List<String> more = new ArrayList<>(granted);
        more.add(party);
        return new Approvals(requested, more);
    }
}
