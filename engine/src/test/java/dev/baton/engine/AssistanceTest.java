package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.CommandResult.Recorded;
import dev.baton.engine.CommandResult.Rejected;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.assist.AssistCommand.AcceptDraft;
import dev.baton.engine.assist.AssistCommand.DiscardDraft;
import dev.baton.engine.assist.AssistCommand.EnableAssistant;
import dev.baton.engine.assist.AssistCommand.OfferDraft;
import dev.baton.engine.assist.AssistDraft;
import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.assist.AssistEvent.AssistantEnabled;
import dev.baton.engine.assist.AssistEvent.DraftAccepted;
import dev.baton.engine.assist.AssistEvent.DraftDiscarded;
import dev.baton.engine.assist.AssistEvent.DraftOffered;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drafts decided by a person through the engine: a brief taken becomes the person's own item,
 * decided by the work item's rules, with the assistant named beside it in one append; a draft
 * is decided once; a discard keeps its reason; an admin's enabling needs a reason; refusals
 * record nothing.
 */
class AssistanceTest {

    private final Northwind n = new Northwind();
    private final Assistance assistance = n.engine.assistance();
    private final Actor nora = new Actor("nora.haddad");

    private int events() {
        return n.engine.store().readAll(0, Integer.MAX_VALUE).size();
    }

    private Recorded ok(CommandResult r) {
        assertThat(r).as("%s", r).isInstanceOf(Recorded.class);
        return (Recorded) r;
    }

    private Rejection refused(java.util.function.Supplier<CommandResult> command) {
        int before = events();
        CommandResult r = command.get();
        assertThat(r).as("%s", r).isInstanceOf(Rejected.class);
        assertThat(events()).as("a refused command records nothing").isEqualTo(before);
        return ((Rejected) r).rejection();
    }

    private String offer(Map<String, Object> fields, String override) {
        Recorded r = ok(assistance.offer(n.next(), nora, new OfferDraft("brief-draft", "campaign", null, "offline", fields,
                List.of("effort"), override)));
        assertThat(r.stream()).startsWith(AssistEvent.STREAM_PREFIX + Assistance.DRAFT_PREFIX);
        return ((DraftOffered) r.events().get(0).event()).draft();
    }

    @Test
    void takingABriefCreatesThePersonsOwnItemAndNamesTheAssistant() {
        Map<String, Object> drafted = new LinkedHashMap<>(Northwind.campaignBrief());
        drafted.remove("effort");
        String draft = offer(drafted, null);
        Map<String, Object> kept = new LinkedHashMap<>(drafted);
        kept.put("effort", 3);
        Recorded item = ok(assistance.accept(draft, n.next(), nora, new AcceptDraft(kept, 0.04,
                new CreateItem("campaign", "Spring webinar series", kept, null, null))));

        RecordedEvent created = item.events().get(0);
        assertThat(created.event()).isInstanceOf(ItemCreated.class);
        assertThat(created.actor()).as("the person's own command").isEqualTo("nora.haddad");
        assertThat(n.engine.item(new WorkItemId(item.stream()))).isPresent();
        List<RecordedEvent> story = n.engine.store().read(AssistEvent.draftStream(draft));
        assertThat(story).hasSize(2);
        DraftAccepted accepted = (DraftAccepted) story.get(1).event();
        assertThat(accepted.assistant()).isEqualTo("brief-draft");
        assertThat(accepted.item()).isEqualTo(item.stream());
        assertThat(accepted.editedShare()).isEqualTo(0.04);
        assertThat(story.get(1).actor()).isEqualTo("nora.haddad");
        assertThat(story.get(1).workType()).isEqualTo("campaign");
        AssistDraft state = assistance.draft(draft).orElseThrow();
        assertThat(state.decision()).isEqualTo("accepted");
        assertThat(state.item()).isEqualTo(item.stream());
    }

    @Test
    void aBriefTheItemRulesRefuseRecordsNeitherTheItemNorTheDecision() {
        Map<String, Object> drafted = new LinkedHashMap<>(Northwind.campaignBrief());
        drafted.remove("effort");
        String draft = offer(drafted, null);
        Rejection r = refused(() -> assistance.accept(draft, n.next(), nora, new AcceptDraft(drafted, 0,
                new CreateItem("campaign", "Spring webinar series", drafted, null, null))));
        assertThat(r.code()).isEqualTo(Code.INVALID_INPUT);
        assertThat(r.sentence()).contains("Effort");
        assertThat(refused(() -> assistance.accept(draft, n.next(), new Actor("nobody.here"), new AcceptDraft(
                Northwind.campaignBrief(), 0.1, new CreateItem("campaign", "X", Northwind.campaignBrief(), null, null))))
                .code()).as("only people of the model create work").isEqualTo(Code.NOT_ALLOWED);
        assertThat(assistance.draft(draft).orElseThrow().decided()).isFalse();
    }

    @Test
    void aDraftIsDecidedOnceAndADiscardKeepsItsReason() {
        String draft = offer(Map.of("segment", "CFOs"), null);
        Recorded discarded = ok(assistance.discard(draft, n.next(), nora, new DiscardDraft("  wrong audience ")));
        assertThat(((DraftDiscarded) discarded.events().get(0).event()).reason()).isEqualTo("wrong audience");
        assertThat(refused(() -> assistance.accept(draft, n.next(), nora, new AcceptDraft(Map.of(), 0, null))).sentence())
                .isEqualTo("This draft was already discarded by nora.haddad; a draft is decided once");
        assertThat(refused(() -> assistance.discard(draft, n.next(), nora, new DiscardDraft(null))).code())
                .isEqualTo(Code.WRONG_STATE);
        assertThat(refused(() -> assistance.discard("draft-none", n.next(), nora, new DiscardDraft(null))).code())
                .isEqualTo(Code.NOT_FOUND);
        String other = offer(Map.of("segment", "CFOs"), null);
        Recorded noReason = ok(assistance.discard(other, n.next(), nora, new DiscardDraft(" ")));
        assertThat(((DraftDiscarded) noReason.events().get(0).event()).reason()).isNull();
    }

    @Test
    void takingWithoutAnItemRecordsTheFieldsAndTheEditedShareOnly() {
        String draft = offer(Map.of("segment", "CFOs"), "pilot with the brand team");
        assertThat(refused(() -> assistance.accept(draft, n.next(), nora, new AcceptDraft(Map.of(), 1.5, null))).sentence())
                .contains("between 0 (unchanged) and 1");
        Recorded r = ok(assistance.accept(draft, n.next(), nora, new AcceptDraft(Map.of("segment", "UK CFOs"), 0.3, null)));
        assertThat(r.stream()).isEqualTo(AssistEvent.draftStream(draft));
        DraftAccepted accepted = (DraftAccepted) r.events().get(0).event();
        assertThat(accepted.item()).isNull();
        DraftOffered offered = assistance.draft(draft).orElseThrow().offer();
        assertThat(offered.override()).isEqualTo("pilot with the brand team");
    }

    @Test
    void enablingAnAssistantWhereTheGateFailsNeedsAReasonAndIsKept() {
        assertThat(refused(() -> assistance.enable(n.next(), nora, new EnableAssistant("brief-draft", "campaign", " ")))
                .sentence()).contains("needs a reason");
        Recorded r = ok(assistance.enable(n.next(), nora, new EnableAssistant("brief-draft", "campaign", "pilot")));
        assertThat(r.stream()).isEqualTo(AssistEvent.enabledStream("brief-draft", "campaign"));
        assertThat(r.events().get(0).workType()).isEqualTo("campaign");
        assertThat(((AssistantEnabled) r.events().get(0).event()).reason()).isEqualTo("pilot");
        Recorded again = ok(assistance.enable(n.next(), nora, new EnableAssistant("brief-draft", "campaign", "still")));
        assertThat(again.version()).isEqualTo(2);
    }

    @Test
    void aRetriedAcceptRecordsNothingTwice() {
        String draft = offer(Northwind.campaignBrief(), null);
        String key = n.next();
        AcceptDraft take = new AcceptDraft(Northwind.campaignBrief(), 0, new CreateItem("campaign", "Webinars",
                Northwind.campaignBrief(), null, null));
        Recorded first = ok(assistance.accept(draft, key, nora, take));
        int before = events();
        Recorded retry = ok(assistance.accept(draft, key, nora, take));
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.stream()).isEqualTo(first.stream());
        assertThat(events()).isEqualTo(before);
    }
}
