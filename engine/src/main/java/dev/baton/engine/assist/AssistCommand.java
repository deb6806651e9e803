package dev.baton.engine.assist;

import dev.baton.engine.item.WorkItemCommand.CreateItem;
import java.util.List;
import java.util.Map;

/**
 * What a person does with an assistant's draft (docs/assist.md): it is offered to them, they take
 * it (as it is or after edits) or throw it away; an admin enables an assistant where its readiness
 * gate fails, saying why. Decided by {@link AssistDecider}, recorded as {@link AssistEvent}s.
 */
public sealed interface AssistCommand {

    /**
     * Shows a draft as a proposal.
     *
     * @param workType the work type it is for (null for intake assistants, which run before a request has one)
     * @param override the admin's recorded reason when the work type is not ready, else null
     */
    record OfferDraft(String assistant, String workType, String subject, String provider, Map<String, Object> fields,
                      List<String> missing, String override) implements AssistCommand {
    }

    /**
     * Takes a draft: {@code fields} as the person kept them, {@code editedShare} how much of its text
     * they changed (the assist module's {@code EditShare}, 0 to 1). With {@code create}, the brief
     * becomes a work item by the person's own create command, decided as any create is.
     */
    record AcceptDraft(Map<String, Object> fields, double editedShare, CreateItem create) implements AssistCommand {
    }

    /** Throws a draft away; the reason is optional. */
    record DiscardDraft(String reason) implements AssistCommand {
    }

    /** Enables an assistant on a work type (null: the intake) although its gate fails; the reason is required. */
    record EnableAssistant(String assistant, String workType, String reason) implements AssistCommand {
    }
}
