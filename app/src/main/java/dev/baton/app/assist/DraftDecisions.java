package dev.baton.app.assist;

import dev.baton.app.security.BatonUser;
import dev.baton.app.security.Role;
import dev.baton.assist.Assist;
import dev.baton.assist.Assistant;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.ledger.EditShare;
import dev.baton.assist.provider.OfflineProvider;
import dev.baton.assist.summary.Fact;
import dev.baton.assist.summary.ItemSummary;
import dev.baton.assist.variants.MessageVariant;
import dev.baton.assist.variants.MessageVariants;
import dev.baton.assist.variants.VariantRequest;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.Rejection;
import dev.baton.engine.assist.AssistCommand.AcceptDraft;
import dev.baton.engine.assist.AssistCommand.DiscardDraft;
import dev.baton.engine.assist.AssistCommand.EnableAssistant;
import dev.baton.engine.assist.AssistCommand.OfferDraft;
import dev.baton.engine.assist.AssistDraft;
import dev.baton.engine.assist.AssistEvent.DraftOffered;
import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What people do with drafts, for the pages and the API alike: every draft offered is recorded
 * ({@code DraftOffered}, under an admin's override when the gate fails), and taking or discarding
 * it goes through the engine as the person's own command. A brief taken becomes a work item by
 * the person's create command, decided by the work item's rules as any create is; the draft's
 * {@code DraftAccepted} names the assistant and how much of the text the person edited. Command
 * ids come scoped to the user from the caller (the API's {@code CommandOptions}, a page's form key).
 */
@Component
public class DraftDecisions {

    private final Assistants assistants;
    private final Engine engine;

    DraftDecisions(Assistants assistants, Engine engine) {
        this.assistants = assistants;
        this.engine = engine;
    }

    /** A brief drafted and offered: its draft id, the gate it passed and the draft with its basis. */
    public record OfferedBrief(String draft, Gate gate, BriefDraft brief, CommandResult result) {
    }

    /** A summary offered: its draft id and the facts. */
    public record OfferedSummary(String draft, Gate gate, ItemSummary summary) {
    }

    public OfferedBrief offerBrief(BatonUser user, String workType, String request, String commandId) {
        Gate gate = assistants.allowed(Assistant.BRIEF_DRAFT, workType);
        WorkType type = assistants.workType(workType);
        BriefDraft brief = assistants.draftBrief(type, request, user.personId());
        CommandResult r = engine.assistance().offer(commandId, new Actor(user.personId()),
                new OfferDraft(Assistant.BRIEF_DRAFT.id(), type.id(), null, assistants.provider(), brief.values(),
                        brief.missing(), gate.override()));
        return new OfferedBrief(draftId(r), gate, brief, r);
    }

    /** An item's summary offered to a person (a newcomer, an approver): what it is, what waits on whom. */
    public OfferedSummary offerSummary(BatonUser user, String itemId, String commandId) {
        // a summary is Baton's own reading of the item's events, never sent to a model server
        // the item's own events, imported history included (the engine runs only items created under a model version)
        List<RecordedEvent> history = itemId == null || itemId.startsWith(AssistEvent.STREAM_PREFIX) ? List.of()
                : engine.store().read(itemId);
        if (history.isEmpty() || !(history.get(0).event() instanceof WorkItemEvent)) {
            throw new NoSuchThing("There is no work item '" + itemId + "'");
        }
        String workType = history.get(0).workType();
        Gate gate = assistants.allowed(Assistant.ITEM_SUMMARY, workType);
        ItemSummary summary = ItemSummary.of(assistants.model(), itemId, history, engine.clock().instant());
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Fact f : summary.facts()) {
            fields.merge(f.kind(), f.text(), (a, b) -> a + " " + b);
        }
        CommandResult r = engine.assistance().offer(commandId, new Actor(user.personId()),
                new OfferDraft(Assistant.ITEM_SUMMARY.id(), workType, itemId, OfflineProvider.ID, fields, List.of(),
                        gate.override()));
        return new OfferedSummary(draftId(r), gate, summary);
    }

    /** Message variants offered: one draft per segment (ids in the variants' order), the gate (null: no work type). */
    public record OfferedVariants(List<String> drafts, Gate gate, VariantRequest request, MessageVariants variants) {
    }

    /**
     * An item's brief written for each audience segment by the configured model, each variant a
     * draft offered to the person for the owner of messaging (docs/assist.md, "Message variants").
     * Nothing is recorded when no model is configured, the model gives audience or messaging no
     * single owner ({@link VariantsUnavailable}) or the model server fails.
     */
    public OfferedVariants offerVariants(BatonUser user, String itemId, List<String> segments, String commandId) {
        PastWork item = itemId == null || itemId.startsWith(AssistEvent.STREAM_PREFIX) ? null
                : assistants.item(itemId).orElse(null);
        if (item == null) {
            throw new NoSuchThing("There is no work item '" + itemId + "'");
        }
        if (!assistants.writesVariants()) {
            // said before the gate: whatever the item, offline there is nothing to write them
            throw new VariantsUnavailable(sentence(Assist.variantsNeedModel("baton.assist.provider.url and .model, "
                    + "docs/assist.md")), VariantsUnavailable.NOT_CONFIGURED);
        }
        String workType = item.workType() != null && assistants.model().workType(item.workType()).isPresent()
                ? item.workType() : null;
        Gate gate = workType == null ? null : assistants.allowed(Assistant.MESSAGE_VARIANTS, workType);
        String brief = Assist.briefText(item);
        if (brief.isBlank()) {
            throw new VariantsUnavailable("Work item '" + itemId + "' has no title and no field: no brief to vary.", "no-brief");
        }
        VariantRequest request = new VariantRequest(assistants.model(), workType, itemId, brief, segments);
        MessageVariants result = assistants.variants(request, user.personId());
        if (!result.available()) {
            throw new VariantsUnavailable(sentence(result.reason()), "no-owner");
        }
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < result.variants().size(); i++) {
            MessageVariant v = result.variants().get(i);
            CommandResult r = engine.assistance().offer(commandId == null ? null : commandId + ":" + i,
                    new Actor(user.personId()), new OfferDraft(Assistant.MESSAGE_VARIANTS.id(), workType, itemId,
                            result.provider(), v.fields(), List.of(), gate == null ? null : gate.override()));
            drafts.add(draftId(r));
        }
        return new OfferedVariants(List.copyOf(drafts), gate, request, result);
    }

    private static String sentence(String reason) {
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
    }

    /**
     * Takes a draft with the fields as the person kept them. A brief becomes a work item titled
     * {@code title}; the result is then the item's.
     */
    public CommandResult accept(BatonUser user, String draftId, String title, Map<String, Object> fields, String commandId) {
        AssistDraft draft = engine.assistance().draft(draftId).orElse(null);
        Map<String, Object> offered = draft == null || draft.offer() == null ? Map.of() : draft.offer().fields();
        Map<String, Object> kept = fields == null ? offered : fields;
        double edited = EditShare.of(offered, kept);
        CreateItem create = draft != null && Assistant.BRIEF_DRAFT.id().equals(draft.assistant())
                ? new CreateItem(draft.workType(), title, kept, null, null) : null;
        return engine.assistance().accept(draftId, commandId, new Actor(user.personId()),
                new AcceptDraft(kept, edited, create));
    }

    public CommandResult discard(BatonUser user, String draftId, String reason, String commandId) {
        return engine.assistance().discard(draftId, commandId, new Actor(user.personId()), new DiscardDraft(reason));
    }

    /** An admin enables an assistant where its gate fails; others are refused. */
    public CommandResult enable(BatonUser user, Assistant assistant, String workType, String reason, String commandId) {
        if (user.role() != Role.ADMIN) {
            return new CommandResult.Rejected(new Rejection(Rejection.Code.NOT_ALLOWED,
                    "Only an admin may enable an assistant where the work is not ready for AI"), 0);
        }
        String scoped = assistant.scope() == Assistant.Scope.INTAKE ? null : assistants.workType(workType).id();
        return engine.assistance().enable(commandId, new Actor(user.personId()),
                new EnableAssistant(assistant.id(), scoped, reason));
    }

    public Optional<AssistDraft> draft(String id) {
        return engine.assistance().draft(id);
    }

    private static String draftId(CommandResult r) {
        if (r instanceof CommandResult.Recorded rec && rec.events().get(0).event() instanceof DraftOffered o) {
            return o.draft();
        }
        throw new IllegalStateException("a draft offer was not recorded: " + r);
    }

    /** No variant written, and why as a problem's code: no model configured, no single owner of audience or messaging, no brief. */
    public static final class VariantsUnavailable extends RuntimeException {
        public static final String NOT_CONFIGURED = "not-configured";
        private final String problem;

        VariantsUnavailable(String message, String problem) {
            super(message);
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }
    }

    /** An item or draft that does not exist. */
    public static final class NoSuchThing extends RuntimeException {
        NoSuchThing(String message) {
            super(message);
        }
    }
}
