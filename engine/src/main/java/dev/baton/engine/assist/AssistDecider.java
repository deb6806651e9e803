package dev.baton.engine.assist;

import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.assist.AssistCommand.AcceptDraft;
import dev.baton.engine.assist.AssistCommand.DiscardDraft;
import dev.baton.engine.assist.AssistCommand.EnableAssistant;
import dev.baton.engine.assist.AssistCommand.OfferDraft;
import dev.baton.engine.assist.AssistEvent.AssistantEnabled;
import dev.baton.engine.assist.AssistEvent.DraftAccepted;
import dev.baton.engine.assist.AssistEvent.DraftDiscarded;
import dev.baton.engine.assist.AssistEvent.DraftOffered;
import java.util.List;

/**
 * Decides what happens to a draft: pure, the current state in, events or a rejection out. A draft
 * is decided once: the first person to take or discard it decides it, and a second decision is
 * refused (the ledger counts each draft once). Whether the person may create the item an accepted
 * brief becomes is the work item's own rule ({@code WorkItemDecider}), decided beside this.
 */
public final class AssistDecider {

    private AssistDecider() {
    }

    /** Events to record, or why nothing is recorded. */
    public record Decision(List<AssistEvent> events, Rejection rejection) {
        static Decision of(AssistEvent e) {
            return new Decision(List.of(e), null);
        }

        static Decision reject(Code code, String sentence) {
            return new Decision(List.of(), new Rejection(code, sentence));
        }

        public boolean rejected() {
            return rejection != null;
        }
    }

    public static Decision offer(String draft, OfferDraft c) {
        if (blank(c.assistant())) {
            return Decision.reject(Code.INVALID_INPUT, "A draft must name the assistant that made it");
        }
        return Decision.of(new DraftOffered(draft, c.assistant(), c.subject(), c.provider(), c.fields(), c.missing(),
                blank(c.override()) ? null : c.override().strip()));
    }

    /** @param item the item the accepted brief becomes, or null when accepting creates none */
    public static Decision accept(String id, AssistDraft draft, AcceptDraft c, String item) {
        Rejection undecided = undecided(id, draft);
        if (undecided != null) {
            return new Decision(List.of(), undecided);
        }
        if (Double.isNaN(c.editedShare()) || c.editedShare() < 0 || c.editedShare() > 1) {
            return Decision.reject(Code.INVALID_INPUT, "The edited share of a draft is between 0 (unchanged) and 1 "
                    + "(all of it rewritten), not " + c.editedShare());
        }
        return Decision.of(new DraftAccepted(draft.id(), draft.assistant(), c.fields(), c.editedShare(), item));
    }

    public static Decision discard(String id, AssistDraft draft, DiscardDraft c) {
        Rejection undecided = undecided(id, draft);
        if (undecided != null) {
            return new Decision(List.of(), undecided);
        }
        return Decision.of(new DraftDiscarded(draft.id(), draft.assistant(), blank(c.reason()) ? null : c.reason().strip()));
    }

    /** Who may enable is the app's role check (admins), as for uploading a model; the reason is kept. */
    public static Decision enable(EnableAssistant c) {
        if (blank(c.assistant())) {
            return Decision.reject(Code.INVALID_INPUT, "Name the assistant to enable");
        }
        if (blank(c.reason())) {
            return Decision.reject(Code.INVALID_INPUT, "Enabling " + c.assistant() + " where the work is not ready for AI "
                    + "needs a reason; it is kept with every draft offered under it");
        }
        return Decision.of(new AssistantEnabled(c.assistant(), c.reason().strip()));
    }

    private static Rejection undecided(String id, AssistDraft draft) {
        if (draft == null) {
            return new Rejection(Code.NOT_FOUND, "There is no draft '" + id + "'");
        }
        if (draft.decided()) {
            return new Rejection(Code.WRONG_STATE, "This draft was already " + draft.decision() + " by "
                    + draft.decidedBy() + "; a draft is decided once");
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
