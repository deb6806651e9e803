package dev.baton.engine.assist;

import dev.baton.engine.event.BatonEvent;
import java.util.List;
import java.util.Map;

/**
 * What happened to an assistant's drafts (docs/assist.md): a draft was offered, then accepted
 * (unchanged or after edits) or discarded by the person with the decision right; an admin enabled
 * an assistant where the work type is not ready for it, with a reason. Drafts are never changes:
 * accepting one records the fields as the person's own command on the item, besides this event.
 *
 * <p>The events live in streams of their own ({@link #STREAM_PREFIX}), not in the item's stream:
 * the item's version sequence, which the engine's optimistic concurrency checks, stays the item's
 * own, and no count of items, flow map or conformance figure ever sees a draft. The work type is
 * the envelope's {@code workType} (null for intake assistants, which run before a request has
 * one); who offered, accepted or discarded is the envelope's {@code actor}, when its {@code at}.
 */
public sealed interface AssistEvent extends BatonEvent {

    /** Every stream of assist events starts so: {@code assist:<draft id>}, {@code assist:enabled:<assistant>:<work type>}. */
    String STREAM_PREFIX = "assist:";

    /** The stream of one draft: offered, then at most one decision. */
    static String draftStream(String draft) {
        return STREAM_PREFIX + draft;
    }

    /** The stream of an assistant's enablements on a work type ({@code intake} for intake assistants). */
    static String enabledStream(String assistant, String workType) {
        return STREAM_PREFIX + "enabled:" + assistant + ":" + (workType == null ? "intake" : workType);
    }

    static boolean isAssistStream(String stream) {
        return stream != null && stream.startsWith(STREAM_PREFIX);
    }

    /** The assistant that made the draft or was enabled: {@code brief-draft}, {@code similar-requests}, … */
    String assistant();

    /**
     * A draft was shown as a proposal.
     *
     * @param draft     the draft's id (its stream is {@link #draftStream})
     * @param subject   the item or intake request it is about, or null for a request not yet submitted
     * @param provider  who made it: {@code offline}, or {@code openai-compatible:<model name>}
     * @param fields    the proposed values by template field id
     * @param missing   the required fields it left empty rather than invent them
     * @param override  the recorded reason when it was offered although the work type is not ready, else null
     */
    record DraftOffered(String draft, String assistant, String subject, String provider, Map<String, Object> fields,
                        List<String> missing, String override) implements AssistEvent {
        public DraftOffered {
            fields = fields == null ? Map.of() : fields;
            missing = missing == null ? List.of() : List.copyOf(missing);
        }
    }

    /**
     * The person took the draft: {@code fields} as they kept them, {@code editedShare} how much of
     * the draft's text they changed (normalised edit distance, 0 unchanged, 1 all of it), {@code item}
     * the work item the accepted brief became (recorded in the same append, as the person's own
     * {@code ItemCreated}), or null when taking the draft created none.
     */
    record DraftAccepted(String draft, String assistant, Map<String, Object> fields, double editedShare, String item)
            implements AssistEvent {
        public DraftAccepted {
            fields = fields == null ? Map.of() : fields;
        }

        /** A draft taken without creating an item (the item is then null). */
        public DraftAccepted(String draft, String assistant, Map<String, Object> fields, double editedShare) {
            this(draft, assistant, fields, editedShare, null);
        }
    }

    /** The person threw the draft away; {@code reason} is optional (null). */
    record DraftDiscarded(String draft, String assistant, String reason) implements AssistEvent {
    }

    /** An admin enabled an assistant where its readiness gate fails, saying why (never empty). */
    record AssistantEnabled(String assistant, String reason) implements AssistEvent {
    }
}
