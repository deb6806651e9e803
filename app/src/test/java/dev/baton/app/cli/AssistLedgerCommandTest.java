package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton assist ledger --model}: each assistant's before and after are {@code baton analyze}'s
 * figures for its work type up to the moment it came and from then on; and an assistant whose drafts
 * are mostly thrown away is called overhead.
 */
class AssistLedgerCommandTest {

    static final String MODEL = CliRun.example("b2b-saas.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void beforeAndAfterAreTheDebtReportsOfEachSideAndDiscardedDraftsAreOverhead(@TempDir Path tmp) throws Exception {
        Path quarter = tmp.resolve("quarter.jsonl");
        CliRun sim = CliRun.of("simulate", "--model", MODEL, "--items", "300", "--seed", "7", "--out", quarter.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        List<RecordedEvent> events = new ArrayList<>(EventLogJsonl.readAll(quarter));
        long position = events.get(events.size() - 1).position();
        Instant first = Instant.parse("2026-02-16T09:00:00Z");
        // Three brief drafts on campaigns from mid-quarter: two thrown away, one taken after rewriting 70% of it.
        for (int i = 0; i < 3; i++) {
            String id = "d" + i;
            Instant at = first.plusSeconds(86_400L * i);
            events.add(new RecordedEvent(++position, AssistEvent.draftStream(id), 1, at, "nora.haddad", "campaign", 1, null,
                    new AssistEvent.DraftOffered(id, "brief-draft", null, "offline", Map.of("segment", "CFOs"), List.of(), null)));
            events.add(new RecordedEvent(++position, AssistEvent.draftStream(id), 2, at.plusSeconds(1800), "nora.haddad",
                    "campaign", 1, null, i == 2 ? new AssistEvent.DraftAccepted(id, "brief-draft", Map.of(), 0.7)
                    : new AssistEvent.DraftDiscarded(id, "brief-draft", "off-brief")));
        }
        Path log = tmp.resolve("with-drafts.jsonl");
        EventLogJsonl.write(log, events);

        CliRun run = CliRun.of("assist", "ledger", "--model", MODEL, "--log", log.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> row = CliRun.objects(run.jsonObject(), "ledger").get(0);
        assertThat(row).containsEntry("workType", "campaign").containsEntry("discarded", 2)
                .containsEntry("verdict", "overhead: mostly discarded or heavily edited — consider switching it off");
        Map<String, Object> beforeAfter = (Map<String, Object>) row.get("beforeAfter");
        assertThat(beforeAfter).containsEntry("enabledAt", "2026-02-16T09:00:00Z").containsEntry("how", "first draft offered");
        Map<String, Object> before = (Map<String, Object>) beforeAfter.get("before");
        Map<String, Object> after = (Map<String, Object>) beforeAfter.get("after");

        // The same figures as baton analyze over each side.
        Map<String, Object> analyzedBefore = campaign(CliRun.of("analyze", "--model", MODEL, "--log", log.toString(),
                "--to", "2026-02-16T08:59:59.999Z", "--format", "json"));
        Map<String, Object> analyzedAfter = campaign(CliRun.of("analyze", "--model", MODEL, "--log", log.toString(),
                "--from", "2026-02-16T09:00:00Z", "--format", "json"));
        assertThat(number(before, "coordinationShare")).isCloseTo(number((Map<String, Object>) analyzedBefore.get("components"),
                "coordination-share"), within(1e-4));
        assertThat(number(before, "hoursLost")).isCloseTo(number(analyzedBefore, "costHours"), within(0.01));
        assertThat(number(after, "coordinationShare")).isCloseTo(number((Map<String, Object>) analyzedAfter.get("components"),
                "coordination-share"), within(1e-4));
        assertThat(number(after, "hoursLost")).isCloseTo(number(analyzedAfter, "costHours"), within(0.01));
        assertThat(number(before, "hoursLost")).isPositive();
        assertThat(beforeAfter.get("summary").toString()).startsWith("since brief-draft (first draft offered on 2026-02-16): "
                + "coordination share ");

        CliRun text = CliRun.of("assist", "ledger", "--model", MODEL, "--log", log.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("campaign / brief-draft: 3 offered", "consider switching it off",
                "since brief-draft (first draft offered on 2026-02-16)");
        CliRun withoutModel = CliRun.of("assist", "ledger", "--log", log.toString(), "--format", "json");
        assertThat(CliRun.objects(withoutModel.jsonObject(), "ledger").get(0)).containsEntry("beforeAfter", null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> campaign(CliRun analyze) {
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        Map<String, Object> breakdowns = (Map<String, Object>) analyze.jsonObject().get("breakdowns");
        return ((List<Map<String, Object>>) breakdowns.get("workType")).stream()
                .filter(g -> "campaign".equals(g.get("key"))).findFirst().orElseThrow();
    }

    private static double number(Map<String, Object> json, String key) {
        return ((Number) json.get(key)).doubleValue();
    }
}
