package dev.baton.insight.debt;

import static dev.baton.insight.debt.HandMadeLog.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hours lost are person-hours someone plausibly spent, never calendar time priced as work: they
 * stay below the team's capacity, do not grow while history sits idle, have caps per item, and
 * are charged only to sources that can record what a component needs.
 */
class TrustworthyHoursTest {

    static final OperatingModel MODEL = HandMadeLog.model(HandMadeLog.MODEL);

    static List<RecordedEvent> simulate(OperatingModel model, int items, long seed) {
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(items, seed, SimulationSettings.DEFAULT_START, 13, DebtRates.DEFAULT),
                events::add);
        return events;
    }

    static DebtReport analyze(OperatingModel model, List<RecordedEvent> events) throws IOException {
        return DebtAnalysis.analyze(model, List.of(), "log", sink -> events.forEach(sink));
    }

    @Test
    void onASixHundredItemSimulationHoursLostStayWellBelowTheTeamsCapacity() throws IOException {
        OperatingModel model = GroundTruthTest.example("b2b-saas.yaml");
        DebtReport report = analyze(model, simulate(model, 600, 3));
        assertThat(report.capacityHours()).isPositive();
        assertThat(report.costHours()).isLessThan(report.capacityHours() / 2);
        assertThat(report.costScale()).isEqualTo(1.0);
        double sum = report.components().stream().mapToDouble(ComponentResult::costHours).sum();
        assertThat(report.costHours()).isCloseTo(sum, within(1e-6));
    }

    @Test
    void onTheDemosQuarterHoursLostStayWellBelowTheTeamsCapacity() throws IOException {
        // What serve --demo loads: 420 items over the thirteen weeks of a quarter (DemoHistory).
        OperatingModel model = GroundTruthTest.example("b2b-saas.yaml");
        DebtReport report = analyze(model, simulate(model, 420, 20260105L));
        assertThat(report.costHours()).isLessThan(report.capacityHours() / 2);
        assertThat(report.costScale()).isEqualTo(1.0);
    }

    @Test
    void paddingTheSameHistoryWithIdleWeeksChangesNoHours() throws IOException {
        OperatingModel model = GroundTruthTest.example("b2b-saas.yaml");
        List<RecordedEvent> events = simulate(model, 600, 3);
        DebtReport before = analyze(model, events);
        // Ten idle weeks: nothing happens to any item; one unrelated request arrives at the end.
        RecordedEvent last = events.get(events.size() - 1);
        List<RecordedEvent> padded = new ArrayList<>(events);
        padded.add(new RecordedEvent(last.position() + 1, "req-later", 1, last.at().plus(Duration.ofDays(70)), "nora.haddad",
                "campaign", 1, null, new RequestSubmitted("campaign-request", "Later", Map.of())));
        DebtReport after = analyze(model, padded);
        assertThat(after.capacityHours()).isGreaterThan(before.capacityHours());
        for (ComponentResult c : before.components()) {
            assertThat(after.component(c.id()).costHours()).as(c.id()).isCloseTo(c.costHours(), within(1e-9));
        }
        assertThat(after.costHours()).isCloseTo(before.costHours(), within(1e-9));
    }

    @Test
    void anItemNobodyTouchesCostsNothingMoreAndStopsAccruingTimeAfterThirtyDays() throws IOException {
        HandMadeLog log = new HandMadeLog();
        // Created without owner into review (SLA 1d) and left there; a second item keeps the log going 100 days.
        log.add("idle", at(0, 9, 0), "ann", new ItemCreated("Idle", "review", Map.of("title", "I", "goal", "posts"), null, null));
        log.add("busy", at(0, 9, 0), "ann", new ItemCreated("Busy", "draft", Map.of("title", "B", "goal", "posts"), null, null));
        log.add("busy", at(0, 9, 0), "ann", new OwnerAssigned("ann", null));
        log.add("busy", at(100, 9, 0), "ann", new CommentAdded("still here"));
        DebtReport report = analyze(MODEL, log.events());
        // The idle item is over its SLA, but nobody acted on it while late: the breach counts, no hours.
        ComponentResult sla = report.component("sla");
        assertThat(sla.bad()).isEqualTo(1);
        assertThat(sla.costHours()).isZero();
        // Its unowned time stops 30 days after its last event, not 100 days later.
        ComponentResult ownership = report.component("ownership");
        assertThat(ownership.details().get("unownedItemTimeShare")).isCloseTo(30.0 / (30 + 100), within(1e-9));
        assertThat(ownership.costHours()).isZero();
    }

    @Test
    void aHandoffBouncedTenTimesIsChargedForThreeBouncesAndItsOwnCountsAreInTheAction() throws IOException {
        HandMadeLog log = new HandMadeLog();
        log.add("p", at(0, 9, 0), "ann", new ItemCreated("P", "draft", Map.of("title", "P", "goal", "posts"), null, null));
        log.add("p", at(0, 9, 0), "ann", new OwnerAssigned("ann", null));
        log.add("p", at(0, 10, 0), "ann", new StageEntered("draft", "review", false));
        for (int i = 0; i < 10; i++) {
            log.add("p", at(0, 11, i), "ann", new HandoffSent("content", "design", "review", "design", Map.of()));
            log.add("p", at(0, 11, 30 + i), "bob", new HandoffRejected("review", "design", "no title"));
        }
        log.add("p", at(0, 12, 0), "ann", new HandoffSent("content", "design", "review", "design", Map.of("title", "P")));
        log.add("p", at(0, 12, 30), "bob", new HandoffAccepted("review", "design"));
        log.add("p", at(0, 12, 30), "bob", new StageEntered("review", "design", false));
        // A second item crosses to design without the handoff the model declares there.
        log.add("q", at(0, 9, 0), "ann", new ItemCreated("Q", "review", Map.of("title", "Q", "goal", "posts"), null, null));
        log.add("q", at(0, 9, 0), "ann", new OwnerAssigned("ann", null));
        log.add("q", at(0, 13, 0), "bob", new StageEntered("review", "design", false));
        ComponentResult handoffs = analyze(MODEL, log.events()).component("handoffs");
        // p: sent without title (1 h) + min(10, 3) × 2 h bounces; q: moved without sending (1 h).
        assertThat(handoffs.costHours()).isCloseTo(1 + 6 + 1, within(1e-9));
        DebtReport report = analyze(MODEL, log.events());
        String action = report.actions().stream().filter(a -> a.component().equals("handoffs")).findFirst().orElseThrow().text();
        // The handoff at review -> design is declared: the advice is to make it work, with that handoff's counts.
        assertThat(action).startsWith("Make the declared handoff at post/review -> design work")
                .contains("2 crossing(s) there").contains("10 bounce-back(s)").contains("1 moved without sending it")
                .doesNotContain("Declare");
    }

    @Test
    void anUndeclaredCrossingIsAdvisedToBeDeclared() throws IOException {
        OperatingModel model = HandMadeLog.model(HandMadeLog.MODEL.replace(
                "  - { work-type: post, from: content, to: design, at: review -> design, requires: [title], sla: 1d }\n", ""));
        HandMadeLog log = new HandMadeLog();
        for (String id : List.of("a", "b")) {
            log.add(id, at(0, 9, 0), "ann", new ItemCreated(id, "review", Map.of("title", id, "goal", "posts"), null, null));
            log.add(id, at(0, 9, 0), "ann", new OwnerAssigned("ann", null));
            log.add(id, at(0, 10, 0), "bob", new StageEntered("review", "design", false));
        }
        String action = analyze(model, log.events()).actions().stream().filter(a -> a.component().equals("handoffs"))
                .findFirst().orElseThrow().text();
        assertThat(action).startsWith("Declare the handoff at post/review -> design").contains("2 crossing(s) there");
    }

    @Test
    void anImportedToolIsNotChargedForWhatItCannotRecord() throws IOException {
        HandMadeLog log = new HandMadeLog();
        // Baton's own item: owned, through intake, with a goal.
        log.add("req-1", at(0, 8, 0), "ann", new RequestSubmitted("request", "A", Map.of()));
        log.add("a", at(0, 9, 0), "ann", new ItemCreated("A", "draft", Map.of("title", "A", "goal", "posts"), null, "req-1"));
        log.add("a", at(0, 9, 0), "ann", new OwnerAssigned("ann", null));
        log.add("a", at(0, 12, 0), "ann", new StageEntered("draft", "review", false));
        List<RecordedEvent> events = new ArrayList<>(log.events());
        // Three items imported from a tool that records stages only (no owners, intake or goals).
        long position = events.size();
        for (int i = 0; i < 3; i++) {
            String id = "UT-" + i;
            Instant created = at(0, 10 + i, 0);
            events.add(new RecordedEvent(++position, id, 1, created, "ann", "post", 0, null,
                    new ItemCreated(id, "draft", Map.of(), null, null), "jira:" + i + ":created"));
            events.add(new RecordedEvent(++position, id, 2, created.plusSeconds(3600), "ann", "post", 0, null,
                    new StageEntered("draft", "review", false), "jira:" + i + ":changelog:1"));
        }
        DebtReport report = analyze(MODEL, events);
        ComponentResult ownership = report.component("ownership");
        ComponentResult reactive = report.component("reactive-load");
        ComponentResult goals = report.component("goal-alignment");
        // Judged on Baton's one item only: it was owned, came through intake and names a goal.
        for (ComponentResult c : List.of(ownership, reactive, goals)) {
            assertThat(c.coverage()).as(c.id()).isCloseTo(0.25, within(1e-9));
            assertThat(c.bad()).as(c.id()).isZero();
            assertThat(c.summary()).as(c.id()).contains("judged on 25.0% of items").contains("jira records no");
        }
        assertThat(reactive.summary()).contains("jira records no intake requests (3 items)");
        // Stages are recorded by both: rework and flow conformance cover every item.
        assertThat(report.component("rework").coverage()).isEqualTo(1.0);
        assertThat(report.sources()).extracting(DebtReport.SourceCoverage::source).containsExactly("baton", "jira");
        assertThat(report.sources().get(1).doesNotRecord()).contains("owners", "intake requests");

        // The tool's items alone: these components are not measured at all, and stay out of the score.
        DebtReport toolOnly = analyze(MODEL, events.subList(4, events.size()));
        assertThat(toolOnly.component("ownership").measured()).isFalse();
        assertThat(toolOnly.component("ownership").summary()).isEqualTo("not measured: jira records no owners (3 items)");
        assertThat(toolOnly.component("reactive-load").measured()).isFalse();
        assertThat(toolOnly.component("goal-alignment").measured()).isFalse();
    }

    @Test
    void anImportedItemStillOpenIsMeasuredUpToItsExportNotToLaterWork() throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        Instant created = at(0, 9, 0);
        events.add(new RecordedEvent(1, "UT-1", 1, created, "ann", "post", 0, null,
                new ItemCreated("UT-1", "draft", Map.of(), null, null), "jira:1:created"));
        events.add(new RecordedEvent(2, "UT-1", 2, created.plus(Duration.ofDays(2)), "ann", "post", 0, null,
                new StageEntered("draft", "review", false), "jira:1:changelog:1"));
        // Baton's own work goes on for weeks after the export was taken.
        events.add(new RecordedEvent(3, "b", 1, created.plus(Duration.ofDays(1)), "ann", "post", 1, null,
                new ItemCreated("B", "draft", Map.of("title", "B"), null, null)));
        events.add(new RecordedEvent(4, "b", 2, created.plus(Duration.ofDays(25)), "ann", "post", 1, null,
                new CommentAdded("still going")));
        DebtReport report = analyze(MODEL, events);
        // UT-1 sat 2 days in draft and was then in review until its export's last event (the same
        // moment): 48 h of stage time. B: 24 days in draft. Coordination = review time = 0 h.
        ComponentResult coordination = report.component("coordination-share");
        assertThat(coordination.total()).isCloseTo(48 + 24 * 24, within(1e-9));
    }

    @Test
    void aProcessMiningLogIsJudgedOnlyOnWhatItsStagesShow() throws IOException {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("pm", ".csv");
        java.nio.file.Files.writeString(csv, "case,activity,timestamp,resource\n"
                + "1,draft,2026-01-05T09:00:00Z,ann\n1,review,2026-01-05T12:00:00Z,ann\n"
                + "1,design,2026-01-06T09:00:00Z,bob\n1,publish,2026-01-06T15:00:00Z,ann\n"
                + "2,draft,2026-01-05T10:00:00Z,ann\n2,review,2026-01-07T10:00:00Z,ann\n");
        dev.baton.insight.log.EventLog log = dev.baton.insight.log.EventLogs.read(csv,
                dev.baton.insight.log.ReadOptions.defaults().withAllKinds());
        java.nio.file.Files.delete(csv);
        DebtReport report = DebtAnalysis.analyze(MODEL, List.of(), "pm.csv", DebtAnalysis.of(log, MODEL, "post"));
        assertThat(report.items()).isEqualTo(2);
        for (String id : List.of("ownership", "handoffs", "decision-drag", "reactive-load", "goal-alignment")) {
            assertThat(report.component(id).measured()).as(id).isFalse();
            assertThat(report.component(id).summary()).as(id).startsWith("not measured: log records no");
        }
        assertThat(report.component("flow-conformance").measured()).isTrue();
        assertThat(report.component("sla").measured()).isTrue();
        assertThat(report.sources()).extracting(DebtReport.SourceCoverage::source).containsExactly("log");
    }

    @Test
    void weeksAreNamedWithTheirYearAndAGapIsShownAsOne() {
        assertThat(Weeks.between("2015-W53", "2016-W01")).isEqualTo(1);
        assertThat(Weeks.between("2026-W02", "2026-W03")).isEqualTo(1);
        assertThat(Weeks.between("2015-W47", "2026-W36")).isGreaterThan(500);
        assertThat(Weeks.monday("2026-W02")).isEqualTo(java.time.LocalDate.of(2026, 1, 5));
    }
}
