package dev.baton.engine;

/**
 * Why a command was refused, as a stable code for programs and a sentence for a marketer
 * ("Legal review needs approval from Legal before Launch; nobody from Legal has approved").
 * A rejected command records nothing.
 */
public record Rejection(Code code, String sentence) {

    public enum Code {
        /** The item, request or stage named does not exist. */
        NOT_FOUND,
        /** The command's input is malformed: unknown field, wrong type, missing required field. */
        INVALID_INPUT,
        /** The actor does not hold the decision right the command needs. */
        NOT_ALLOWED,
        /** The flow has no such stage change from the current stage. */
        TRANSITION_NOT_ALLOWED,
        /** Exit criteria of the current stage are not filled. */
        EXIT_CRITERIA_MISSING,
        /** The stage's gate needs approvals that have not been given. */
        APPROVAL_MISSING,
        /** A handoff's contract (required fields) is not met. */
        HANDOFF_CONTRACT,
        /** The item's state does not allow this now (blocked, completed, handoff pending, nothing to approve...). */
        WRONG_STATE,
        /** The command was based on an older version of the item (optimistic concurrency). */
        STALE_VERSION
    }

    @Override
    public String toString() {
        return code + ": " + sentence;
    }
}
