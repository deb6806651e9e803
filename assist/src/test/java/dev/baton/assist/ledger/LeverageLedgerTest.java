package dev.baton.assist.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.assist.AssistEvent.AssistantEnabled;
import dev.baton.engine.assist.AssistEvent.DraftAccepted;
import dev.baton.engine.assist.AssistEvent.DraftDiscarded;
import dev.baton.engine.assist.AssistEvent.DraftOffered;
import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The ledger's figures from a hand-built history whose answers are known. */
class LeverageLedgerTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    final List<RecordedEvent> log = new ArrayList<>();

    private void at(Duration after, String stream, String workType, String actor, BatonEvent event) {
        log.add(new RecordedEvent(log.size() + 1, stream, 1, T0.plus(after), actor, workType, 1, null, event));
    }

    private void offer(String draft, String workType, String assistant, Duration at, String override) {
        at(at, AssistEvent.draftStream(draft), workType, "nora", new DraftOffered(draft, assistant, "req-1", "offline",
                Map.of("segment", "CFOs"), List.of(), override));
    }

    private void accept(String draft, String workType, String assistant, Duration at, double edited) {
        at(at, AssistEvent.draftStream(draft), workType, "nora", new DraftAccepted(draft, assistant, Map.of(), edited));
    }

    private void discard(String draft, String workType, String assistant, Duration at) {
        at(at, AssistEvent.draftStream(draft), workType, "nora", new DraftDiscarded(draft, assistant, "off target"));
    }

    @Test
    void countsSharesMedianAndVerdictPerWorkTypeAndAssistant() {
        // Campaign briefs: 5 offered; 2 taken unchanged, 2 after edits (0.1, 0.3), 1 discarded.
        offer("d1", "campaign", "brief-draft", Duration.ZERO, null);
        offer("d2", "campaign", "brief-draft", Duration.ZERO, null);
        offer("d3", "campaign", "brief-draft", Duration.ZERO, null);
        offer("d4", "campaign", "brief-draft", Duration.ZERO, null);
        offer("d5", "campaign", "brief-draft", Duration.ZERO, null);
        offer("d6", "campaign", "brief-draft", Duration.ZERO, null);
        accept("d1", "campaign", "brief-draft", Duration.ofHours(1), 0);
        accept("d2", "campaign", "brief-draft", Duration.ofHours(2), 0);
        accept("d3", "campaign", "brief-draft", Duration.ofHours(3), 0.1);
        accept("d4", "campaign", "brief-draft", Duration.ofHours(4), 0.3);
        discard("d5", "campaign", "brief-draft", Duration.ofHours(10));
        // A second decision on a draft is not a second decision.
        discard("d1", "campaign", "brief-draft", Duration.ofHours(20));
        // Work events around them are not the ledger's.
        at(Duration.ofHours(1), "item-1", "campaign", "nora", new WorkItemEvent.CommentAdded("fine"));

        // Asset briefs under an override: 3 of 4 discarded.
        at(Duration.ZERO, AssistEvent.enabledStream("brief-draft", "asset"), "asset", "grace",
                new AssistantEnabled("brief-draft", "pilot with the content studio"));
        for (int i = 1; i <= 4; i++) {
            offer("a" + i, "asset", "brief-draft", Duration.ZERO, "pilot with the content studio");
        }
        accept("a1", "asset", "brief-draft", Duration.ofMinutes(30), 0.2);
        discard("a2", "asset", "brief-draft", Duration.ofMinutes(30));
        discard("a3", "asset", "brief-draft", Duration.ofMinutes(90));
        discard("a4", "asset", "brief-draft", Duration.ofMinutes(90));

        List<LedgerRow> rows = LeverageLedger.of(log);
        assertThat(rows).extracting(LedgerRow::workType).containsExactly("asset", "campaign");

        LedgerRow campaign = rows.get(1);
        assertThat(campaign.offered()).isEqualTo(6);
        assertThat(campaign.acceptedUnchanged()).isEqualTo(2);
        assertThat(campaign.acceptedAfterEdits()).isEqualTo(2);
        assertThat(campaign.meanEditedShare()).isCloseTo(0.2, Offset.offset(1e-9));
        assertThat(campaign.meanEditedShareOfAccepted()).isCloseTo(0.1, Offset.offset(1e-9));
        assertThat(campaign.discarded()).isEqualTo(1);
        assertThat(campaign.pending()).isEqualTo(1);
        assertThat(campaign.discardedShare()).isCloseTo(0.2, Offset.offset(1e-9));
        assertThat(campaign.medianHoursToDecision()).isEqualTo(3.0);
        assertThat(campaign.overridden()).isZero();
        assertThat(campaign.verdict()).isEqualTo(LeverageLedger.LEVERAGE);
        assertThat(campaign.reason()).isEqualTo("1 of 5 decided draft(s) discarded (20%, overhead above 50%); taken drafts "
                + "edited 10% on average (overhead above 50%)");

        LedgerRow asset = rows.get(0);
        assertThat(asset.discardedShare()).isEqualTo(0.75);
        assertThat(asset.medianHoursToDecision()).isEqualTo(1.0);
        assertThat(asset.overridden()).isEqualTo(4);
        assertThat(asset.enabled()).singleElement().satisfies(e -> {
            assertThat(e.by()).isEqualTo("grace");
            assertThat(e.reason()).isEqualTo("pilot with the content studio");
        });
        assertThat(asset.verdict()).isEqualTo("overhead: mostly discarded or heavily edited — consider switching it off");
        assertThat(asset.reason()).contains("3 of 4 decided draft(s) discarded (75%", "only 4 decision(s): an early reading");
    }

    @Test
    void heavilyEditedDraftsAreOverheadTooAndUndecidedOnesAreNotYetKnown() {
        offer("d1", "campaign", "brief-draft", Duration.ZERO, null);
        offer("d2", "campaign", "brief-draft", Duration.ZERO, null);
        accept("d1", "campaign", "brief-draft", Duration.ofHours(1), 0.8);
        accept("d2", "campaign", "brief-draft", Duration.ofHours(1), 0.4);
        offer("s1", null, "similar-requests", Duration.ZERO, null);
        List<LedgerRow> rows = LeverageLedger.of(log);
        assertThat(rows.get(1).verdict()).isEqualTo(LeverageLedger.OVERHEAD);
        assertThat(rows.get(1).meanEditedShareOfAccepted()).isCloseTo(0.6, Offset.offset(1e-9));
        assertThat(rows.get(0).workType()).isNull();
        assertThat(rows.get(0).verdict()).isEqualTo(LeverageLedger.UNDECIDED);
        assertThat(rows.get(0).discardedShare()).isNull();
        assertThat(rows.get(0).medianHoursToDecision()).isNull();
        assertThat(LeverageLedger.of(List.of())).isEmpty();
    }

    @Test
    void theEditedShareIsTheNormalisedEditDistanceOfTheDraftsText() {
        Map<String, Object> offered = Map.of("segment", "CFOs", "budget", 20000.0, "channels", List.of("email", "SEO"));
        assertThat(EditShare.of(offered, Map.of("channels", List.of("email", "SEO"), "segment", "CFOs", "budget", 20000.0)))
                .isZero();
        assertThat(EditShare.text(offered)).isEqualTo("budget: 20000\nchannels: email, SEO\nsegment: CFOs\n");
        assertThat(EditShare.of("kitten", "sitting")).isCloseTo(3.0 / 7, Offset.offset(1e-9));
        assertThat(EditShare.of("", "")).isZero();
        assertThat(EditShare.of("abc", "")).isEqualTo(1.0);
    }
}
