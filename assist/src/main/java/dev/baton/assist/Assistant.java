package dev.baton.assist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Baton's assistants. Each makes a draft a person takes, edits or discards; none changes anything
 * itself. An assistant on a work type's items is gated by that work type's AI readiness (the debt
 * report); an intake assistant, which runs before a request has a work type, by the intake's own
 * readiness (docs/assist.md, "The gate").
 */
public enum Assistant {
    /** A brief's first draft from a request: stated values, the rest from the most similar past brief. */
    BRIEF_DRAFT("brief-draft", Scope.WORK_TYPE),
    /** An item's history in a few facts: what it is, where it is, what is waiting on whom. */
    ITEM_SUMMARY("item-summary", Scope.WORK_TYPE),
    /** Past requests and items like a new request: duplicates and near-duplicates. */
    SIMILAR_REQUESTS("similar-requests", Scope.INTAKE),
    /** Which work type a request is, and who should own it, by its nearest past neighbours and current load. */
    ROUTING("routing", Scope.INTAKE),
    /**
     * A brief's message per audience segment: only with a configured model, and only where the model
     * gives audience and messaging an owner; on an item, also gated by its work type's readiness.
     */
    MESSAGE_VARIANTS("message-variants", Scope.WORK_TYPE);

    /** What an assistant's gate reads: a work type's readiness, or the intake's. */
    public enum Scope { WORK_TYPE, INTAKE }

    private final String id;
    private final Scope scope;

    Assistant(String id, Scope scope) {
        this.id = id;
        this.scope = scope;
    }

    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    public static Optional<Assistant> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))).findFirst();
    }
}
