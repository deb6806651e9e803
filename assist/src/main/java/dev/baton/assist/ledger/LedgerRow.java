package dev.baton.assist.ledger;

import java.util.List;

/**
 * One assistant on one work type: what happened to its drafts, and whether it is leverage or overhead.
 *
 * @param workType                  the work type (null for intake assistants)
 * @param offered                   drafts offered
 * @param acceptedUnchanged         taken as drafted (edited share 0)
 * @param acceptedAfterEdits        taken after edits
 * @param meanEditedShare           mean edited share of the drafts taken after edits (null when none)
 * @param meanEditedShareOfAccepted mean edited share of all drafts taken, unchanged ones counting 0 (null when none):
 *                                  what the verdict reads
 * @param discarded                 thrown away
 * @param pending                   offered, not decided yet
 * @param discardedShare            discarded ÷ decided (null when none decided)
 * @param medianHoursToDecision     median time from offer to decision, in hours (null when none decided)
 * @param overridden                drafts offered although the work type was not ready (an admin's override)
 * @param enabled                   the overrides that enabled the assistant here, with their reasons
 * @param verdict                   leverage, overhead, or not yet known
 * @param reason                    the figures behind the verdict, in a sentence
 */
public record LedgerRow(String workType, String assistant, long offered, long acceptedUnchanged, long acceptedAfterEdits,
                        Double meanEditedShare, Double meanEditedShareOfAccepted, long discarded, long pending,
                        Double discardedShare, Double medianHoursToDecision, long overridden, List<Enablement> enabled,
                        String verdict, String reason) {

    /** An admin enabled the assistant where the gate failed: who, when, why. */
    public record Enablement(String by, String at, String reason) {
    }

    public LedgerRow {
        enabled = List.copyOf(enabled);
    }

    public long decided() {
        return acceptedUnchanged + acceptedAfterEdits + discarded;
    }
}
