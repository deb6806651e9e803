package dev.baton.assist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.ledger.LedgerRow;
import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drafts are recorded in the same JSONL log as the work, in streams of their own: the debt
 * report of the log does not change by a figure, and the ledger reads them back.
 */
class AssistEventsInTheLogTest {

    @Test
    void draftsInTheLogChangeNoFigureOfTheDebtReportAndFeedTheLedger(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events = new ArrayList<>(Simulated.EVENTS);
        RecordedEvent last = events.get(events.size() - 1);
        long position = last.position();
        for (int i = 1; i <= 3; i++) {
            String draft = "draft-" + i;
            events.add(new RecordedEvent(++position, AssistEvent.draftStream(draft), 1, last.at(), "nora.haddad", "campaign",
                    1, null, new AssistEvent.DraftOffered(draft, "brief-draft", "req-" + i, "offline",
                    Map.of("segment", "CFOs", "budget", 20000.0), List.of("reach"), null)));
            events.add(new RecordedEvent(++position, AssistEvent.draftStream(draft), 2, last.at().plus(Duration.ofHours(i)),
                    "nora.haddad", "campaign", 1, null, i == 3
                    ? new AssistEvent.DraftDiscarded(draft, "brief-draft", "wrong segment")
                    : new AssistEvent.DraftAccepted(draft, "brief-draft", Map.of("segment", "CFOs"), 0.25 * (i - 1))));
        }
        Path plain = dir.resolve("work.jsonl");
        Path withDrafts = dir.resolve("work-and-drafts.jsonl");
        EventLogJsonl.write(plain, Simulated.EVENTS);
        EventLogJsonl.write(withDrafts, events);

        DebtReport before = DebtAnalysis.analyze(Simulated.MODEL, List.of(), "log", DebtAnalysis.jsonl(plain));
        DebtReport after = DebtAnalysis.analyze(Simulated.MODEL, List.of(), "log", DebtAnalysis.jsonl(withDrafts));
        assertThat(after.items()).isEqualTo(before.items());
        assertThat(after.score()).isEqualTo(before.score());
        assertThat(after.costHours()).isEqualTo(before.costHours());
        assertThat(after.to()).isEqualTo(before.to());
        assertThat(after.aiReadiness()).isEqualTo(before.aiReadiness());

        List<LedgerRow> rows = Assist.ledger(EventLogJsonl.readAll(withDrafts));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.workType()).isEqualTo("campaign");
            assertThat(r.offered()).isEqualTo(3);
            assertThat(r.acceptedUnchanged()).isEqualTo(1);
            assertThat(r.acceptedAfterEdits()).isEqualTo(1);
            assertThat(r.discarded()).isEqualTo(1);
            assertThat(r.medianHoursToDecision()).isEqualTo(2.0);
        });
    }
}
