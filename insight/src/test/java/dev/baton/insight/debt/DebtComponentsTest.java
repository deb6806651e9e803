package dev.baton.insight.debt;

import static dev.baton.insight.debt.HandMadeLog.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every component's formula on two hand-made items, with the expected figures worked out below.
 *
 * <p>Item A (clean, through intake, owned, goal set): created in draft Mon 09:00, owner ann; review
 * Mon 12:00–16:00 (approval asked 13:00, granted 15:00, handoff to design sent 15:00 with title,
 * accepted 16:00); design Mon 16:00 → Tue 13:30, owner bob, whose first handoff to publish lacks
 * the title and is rejected, then re-sent and accepted; publish Tue 13:30, completed Tue 17:00.
 *
 * <p>Item B (urgent, around intake, never owned, no goal): created in draft Mon 10:00; review Mon
 * 11:00, approval denied Tue 17:00 (30 h), back to draft (rework) Tue 17:00; review again Wed 09:00,
 * approved 11:00 by bob, who has no declared right there; then review → publish skipping design,
 * completed Wed 16:00 (the last event of the log).
 */
class DebtComponentsTest {

    static final OperatingModel MODEL = HandMadeLog.model(HandMadeLog.MODEL);

    static HandMadeLog twoItems() {
        HandMadeLog log = new HandMadeLog();
        log.add("req-1", at(0, 8, 0), "ann", new RequestSubmitted("request", "A", Map.of()));
        log.add("item-a", at(0, 9, 0), "ann", new ItemCreated("A", "draft", Map.of("title", "A", "goal", "posts"), null, "req-1"));
        log.add("item-a", at(0, 9, 0), "ann", new OwnerAssigned("ann", null));
        log.add("item-b", at(0, 10, 0), "ann", new ItemCreated("B", "draft", Map.of("title", "B"), null, null));
        log.add("item-b", at(0, 10, 0), "ann", new MarkedUrgent("the CEO asked"));
        log.add("item-b", at(0, 11, 0), "ann", new StageEntered("draft", "review", false));
        log.add("item-b", at(0, 11, 0), "ann", new ApprovalRequested("review", List.of("ann")));
        log.add("item-a", at(0, 12, 0), "ann", new StageEntered("draft", "review", false));
        log.add("item-a", at(0, 13, 0), "ann", new ApprovalRequested("review", List.of("ann")));
        log.add("item-a", at(0, 15, 0), "ann", new ApprovalGranted("review", "ann", null));
        log.add("item-a", at(0, 15, 0), "ann", new HandoffSent("content", "design", "review", "design", Map.of("title", "A")));
        log.add("item-a", at(0, 16, 0), "bob", new HandoffAccepted("review", "design"));
        log.add("item-a", at(0, 16, 0), "bob", new StageEntered("review", "design", false));
        log.add("item-a", at(0, 16, 0), "bob", new OwnerAssigned("bob", "ann"));
        log.add("item-a", at(1, 12, 0), "bob", new HandoffSent("design", "content", "design", "publish", Map.of()));
        log.add("item-a", at(1, 12, 30), "ann", new HandoffRejected("design", "publish", "missing title"));
        log.add("item-a", at(1, 13, 0), "bob", new HandoffSent("design", "content", "design", "publish", Map.of("title", "A")));
        log.add("item-a", at(1, 13, 30), "ann", new HandoffAccepted("design", "publish"));
        log.add("item-a", at(1, 13, 30), "ann", new StageEntered("design", "publish", false));
        log.add("item-a", at(1, 17, 0), "ann", new ItemCompleted("publish"));
        log.add("item-b", at(1, 17, 0), "ann", new ApprovalDenied("review", "ann", "not yet"));
        log.add("item-b", at(1, 17, 0), "ann", new StageEntered("review", "draft", true));
        log.add("item-b", at(2, 9, 0), "ann", new StageEntered("draft", "review", false));
        log.add("item-b", at(2, 10, 0), "ann", new ApprovalRequested("review", List.of("ann")));
        log.add("item-b", at(2, 11, 0), "bob", new ApprovalGranted("review", "bob", null));
        log.add("item-b", at(2, 15, 0), "ann", new StageEntered("review", "publish", false));
        log.add("item-b", at(2, 16, 0), "ann", new ItemCompleted("publish"));
        return log;
    }

    static DebtReport analyze(OperatingModel model, List<RecordedEvent> events) throws IOException {
        return DebtAnalysis.analyze(model, List.of(), "hand-made.jsonl", sink -> events.forEach(sink));
    }

    @Test
    void flowConformanceIsOneMinusTheAlignmentFitness() throws IOException {
        DebtReport report = analyze(MODEL, twoItems().events());
        ComponentResult c = report.component("flow-conformance");
        // The net of post: draft, review, design, publish, with review -> draft. Its shortest run has
        // 4 visible moves. A = draft, review, design, publish fits: 0 deviations of 4 + 4.
        // B = draft, review, draft, review, publish: the optimal alignment has one model move (design
        // skipped before publish): 1 deviation of 5 + 4. Value 1 / 17 (pm4py's 1 − logFitness up to
        // the silent moves' cost of 1 in 10,000).
        assertThat(report.conformanceMethod()).isEqualTo("alignments");
        assertThat(c.value()).isCloseTo(1.0 / 17, within(1e-9));
        assertThat(report.flows().get(0).logFitness()).isCloseTo(1 - 1.0 / 17, within(1e-3));
        assertThat(report.flows().get(0).deviations()).singleElement().asString().contains("'design' was skipped");
        assertThat(c.details()).containsEntry("skipRate", 0.5).containsEntry("percentageFittingTraces", 50.0);
        assertThat(c.costHours()).isEqualTo(1.0);
        assertThat(c.evidence()).singleElement().satisfies(e -> {
            assertThat(e.item()).isEqualTo("item-b");
            assertThat(e.positions()).containsExactly(26L);
            assertThat(e.note()).isEqualTo("1 deviation(s) in the optimal alignment of draft > review > draft > review > "
                    + "publish; first off the declared edges: review -> publish is not in the declared flow");
        });
    }

    @Test
    void flowConformanceFallsBackToDeclaredEdgesWhenSummariesAreMergedWithoutAlignments() throws IOException {
        CaseAnalyzer analyzer = new CaseAnalyzer(MODEL);
        twoItems().events().forEach(analyzer::accept);
        DebtReport report = DebtAnalysis.report(MODEL, List.of(), "log", analyzer.finish(), List.of());
        // A: start, three declared changes, end: 5 moves. B: start, draft→review, review→draft
        // (declared rework), draft→review, review→publish (not declared), end: 6 moves, 1 off. 1 / 11.
        assertThat(report.conformanceMethod()).isEqualTo("declared-edges");
        assertThat(report.component("flow-conformance").value()).isCloseTo(1.0 / 11, within(1e-9));
    }

    @Test
    void ownershipWeighsItemHoursWithoutOwnerAndCoreComponents() throws IOException {
        ComponentResult c = analyze(MODEL, twoItems().events()).component("ownership");
        // A owned from creation: 0 of its 32 h (Mon 09:00 → Tue 17:00). B never owned: 54 h of 54 h
        // (Mon 10:00 → Wed 16:00). Item-time share 54 / 86; every core component has one owner:
        // value 0.75 × 54/86 + 0.25 × 0. Cost: chasing an owner is charged for the days someone acted
        // on B after it had gone a day without one: Tue (denial, back to draft) and Wed: 2 × 0.5 h.
        // A was owned from its first minute: nothing.
        assertThat(c.value()).isCloseTo(0.75 * 54 / 86, within(1e-9));
        assertThat(c.details()).containsEntry("unownedRate", 0.5).containsEntry("coreComponentsWithoutSingleOwner", 0.0);
        assertThat(c.costHours()).isCloseTo(1.0, within(1e-9));
        assertThat(c.evidence()).extracting(Evidence::item).containsExactly("item-b");
    }

    @Test
    void handoffsCountDefectsAndBounceBacks() throws IOException {
        ComponentResult c = analyze(MODEL, twoItems().events()).component("handoffs");
        // A crosses functions twice: review→design (declared, title sent, accepted after 1 h of a 1d SLA:
        // fine) and design→publish (first send without title, rejected, re-sent: a defect). B never
        // crosses functions. Value 1 / 2; bounce rate 1 bounced / 2 sent; cost 1 h incomplete + 2 h bounce.
        assertThat(c.value()).isEqualTo(0.5);
        assertThat(c.details()).containsEntry("bounceRate", 0.5).containsEntry("undeclared", 0.0);
        assertThat(c.costHours()).isEqualTo(3.0);
        assertThat(c.evidence()).singleElement().satisfies(e -> {
            assertThat(e.positions()).containsExactly(15L, 16L, 17L, 18L, 19L);
            assertThat(e.note()).contains("sent without title").contains("bounced back 1 time(s)");
        });
    }

    @Test
    void decisionDragCountsSlowRoundsAndUndeclaredApprovers() throws IOException {
        ComponentResult c = analyze(MODEL, twoItems().events()).component("decision-drag");
        // Rounds: A 13:00→15:00 (2 h, allowance half the 1d SLA = 12 h: fine); B 1 Mon 11:00 → denied
        // Tue 17:00 (30 h > 12 h: slow; one day, Tue, someone acted while it was late: 0.5 h); B 2 Wed 10:00 → 11:00 granted
        // on behalf of bob, who holds no right at review: 0.5 h. Value 2 / 3, cost 1 h, mean wait 33/3.
        assertThat(c.value()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(c.costHours()).isCloseTo(1.0, within(1e-9));
        assertThat(c.details()).containsEntry("extraApprovals", 1.0).containsEntry("meanWaitHours", 11.0);
    }

    @Test
    void slaCountsVisitsOverTheirStageSla() throws IOException {
        ComponentResult c = analyze(MODEL, twoItems().events()).component("sla");
        // Review visits (SLA 1d): A Mon 12:00 → handoff sent 15:00 (3 h); B Mon 11:00 → Tue 17:00 (30 h,
        // over); B Wed 09:00 → 15:00 (6 h). Value 1 / 3; cost: one day (Tue 17:00, the denial and the
        // move back) on which someone acted while the visit was over its SLA: 0.5 h.
        assertThat(c.value()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(c.costHours()).isEqualTo(0.5);
        assertThat(c.evidence()).singleElement().satisfies(e -> {
            assertThat(e.item()).isEqualTo("item-b");
            assertThat(e.positions()).containsExactly(6L, 22L);
        });
    }

    @Test
    void reworkCountsItemsThatWentBack() throws IOException {
        ComponentResult c = analyze(MODEL, twoItems().events()).component("rework");
        // B went back review → draft: 1 of 2 items. It redid draft (making, 4 h) and review (1 h).
        assertThat(c.value()).isEqualTo(0.5);
        assertThat(c.costHours()).isEqualTo(5.0);
        assertThat(c.evidence()).singleElement().satisfies(e -> assertThat(e.positions()).containsExactly(22L));
    }

    @Test
    void reactiveLoadCountsUrgentWorkAndIntakeBypassed() throws IOException {
        ComponentResult c = analyze(MODEL, twoItems().events()).component("reactive-load");
        // A came through intake; B was marked urgent and created around the intake form posts have.
        assertThat(c.value()).isEqualTo(0.5);
        assertThat(c.details()).containsEntry("urgentRate", 0.5).containsEntry("bypassRate", 0.5);
        assertThat(c.costHours()).isEqualTo(2.5);
    }

    @Test
    void coordinationShareIsTimeInCoordinationAndWaitingStages() throws IOException {
        DebtReport report = analyze(MODEL, twoItems().events());
        ComponentResult c = report.component("coordination-share");
        // A: draft 3 h, review 4 h (12:00 → 16:00), design 21.5 h, publish 3.5 h → 4 of 32 h.
        // B: draft 1 h, review 30 h, draft 16 h, review 6 h, publish 1 h → 36 of 54 h. Value 40 / 86.
        // Waiting is delay, not work: no hours; 40 h = 1.67 days of waiting, of which 40 − 0.3 × 86 =
        // 14.2 h (0.59 days) beyond the healthy share.
        assertThat(c.value()).isCloseTo(40.0 / 86, within(1e-9));
        assertThat(c.costHours()).isZero();
        assertThat(c.details().get("waitingDays")).isCloseTo(40.0 / 24, within(1e-9));
        assertThat(c.details().get("excessWaitingDays")).isCloseTo((40 - 0.3 * 86) / 24, within(1e-9));
    }

    @Test
    void goalAlignmentCountsItemsWithNoParentAndNoMetric() throws IOException {
        ComponentResult c = analyze(MODEL, twoItems().events()).component("goal-alignment");
        // A names the declared metric posts in its goal field; B has no parent and no goal.
        assertThat(c.value()).isEqualTo(0.5);
        assertThat(c.evidence()).extracting(Evidence::item).containsExactly("item-b");
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheMeasuredComponents() throws IOException {
        DebtReport report = analyze(MODEL, twoItems().events());
        // No weights in the model: equal. WIP: six active person-days, none over the default limit
        // of 5 or with more than 3 switches: 0.
        assertThat(report.component("wip").value()).isZero();
        assertThat(report.component("wip").total()).isEqualTo(6);
        // Every component is a small sample (fewer than 30 observations), so each weighs its weight ×
        // observations / 30: 2 cases, 2 items, 2 handoffs, 3 rounds, 3 SLA visits, 2, 2, 6 person-days,
        // 9 stage visits, 2 items. With equal weights the 1/30 cancels out.
        double[] n = {2, 2, 2, 3, 3, 2, 2, 6, 9, 2};
        double[] v = {1.0 / 17, 0.75 * 54 / 86, 0.5, 2.0 / 3, 1.0 / 3, 0.5, 0.5, 0, 40.0 / 86, 0.5};
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < n.length; i++) {
            sum += n[i] * v[i];
            weights += n[i];
        }
        assertThat(report.score()).isCloseTo(100 * sum / weights, within(1e-9));
        assertThat(report.component("sla").smallSample()).isTrue();
        assertThat(report.component("sla").effectiveWeight()).isCloseTo(3.0 / 30, within(1e-12));
        assertThat(report.component("sla").summary()).contains("small sample: 3 observation(s), 95% interval");
        assertThat(report.items()).isEqualTo(2);
        assertThat(report.requests()).isEqualTo(1);
        // Rework costs the most person-hours (5 h); coordination costs none (it is delay).
        assertThat(report.actions()).isNotEmpty();
        assertThat(report.actions().get(0).component()).isEqualTo("rework");
        assertThat(report.actions()).extracting(DebtReport.Action::component).doesNotContain("coordination-share");
    }

    @Test
    void weightsComeFromTheModel() throws IOException {
        OperatingModel weighted = HandMadeLog.model(HandMadeLog.MODEL + """
                debt:
                  weights: { rework: 3, goal-alignment: 0 }
                """);
        DebtReport report = analyze(weighted, twoItems().events());
        // Rework counts three times, goal alignment not at all, the other eight once, each times its
        // observations (all are small samples, see above).
        double[] w = {1, 1, 1, 1, 1, 3, 1, 1, 1, 0};
        double[] n = {2, 2, 2, 3, 3, 2, 2, 6, 9, 2};
        double[] v = {1.0 / 17, 0.75 * 54 / 86, 0.5, 2.0 / 3, 1.0 / 3, 0.5, 0.5, 0, 40.0 / 86, 0.5};
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < n.length; i++) {
            sum += w[i] * n[i] * v[i];
            weights += w[i] * n[i];
        }
        assertThat(report.score()).isCloseTo(100 * sum / weights, within(1e-9));
    }

    @Test
    void breakdownsSplitByWorkTypePersonAndWeek() throws IOException {
        DebtReport report = analyze(MODEL, twoItems().events());
        assertThat(report.breakdowns().get(Dimension.WORK_TYPE)).extracting(DebtReport.Group::key).containsExactly("post");
        assertThat(report.breakdowns().get(Dimension.WEEK)).extracting(DebtReport.Group::key).containsExactly("2026-W02");
        // Rework by person: A's first owner ann (no rework); B has no owner, so it is attributed to its creator ann.
        assertThat(report.breakdowns().get(Dimension.PERSON)).extracting(DebtReport.Group::key).contains("ann", "bob");
        assertThat(report.breakdowns().get(Dimension.STAGE)).extracting(DebtReport.Group::key).contains("post/review");
    }

    @Test
    void workInProgressAndContextSwitchesArePerPersonDay() throws IOException {
        OperatingModel model = HandMadeLog.model(HandMadeLog.MODEL + """
                debt:
                  wip-limit: 2
                """);
        HandMadeLog log = new HandMadeLog();
        // ann owns items 1–3 from Mon 09:00/10:00/11:00 until they complete Tue 12:00; she also creates
        // items 4 and 5 on Monday without owning them. bob comments on all five on Wednesday, and on
        // item 1 on Thursday.
        for (int i = 1; i <= 5; i++) {
            log.add("item-" + i, at(0, 8 + i, 0), "ann", new ItemCreated("P" + i, "draft", Map.of(), null, null));
            if (i <= 3) {
                log.add("item-" + i, at(0, 8 + i, 0), "ann", new OwnerAssigned("ann", null));
            }
        }
        for (int i = 1; i <= 3; i++) {
            log.add("item-" + i, at(1, 12, 0), "ann", new ItemCompleted("draft"));
        }
        for (int i = 1; i <= 5; i++) {
            log.add("item-" + i, at(2, 10, i), "bob", new CommentAdded("looks good"));
        }
        log.add("item-1", at(3, 10, 0), "bob", new CommentAdded("shipped?"));
        ComponentResult c = analyze(model, log.events()).component("wip");
        // Active person-days: ann Mon (3 owned > 2; 5 touched = 4 switches > 3), ann Tue (3 owned),
        // bob Wed (5 touched: 4 switches), bob Thu (1 touched): 3 of 4 in debt.
        // Cost: ann Mon 1/3 + 1 × 0.25, ann Tue 1/3, bob Wed 0.25.
        assertThat(c.value()).isEqualTo(0.75);
        assertThat(c.costHours()).isCloseTo(2.0 / 3 + 0.5, within(1e-9));
        assertThat(c.details()).containsEntry("daysOverLimit", 2.0).containsEntry("fragmentedDays", 2.0);
        assertThat(c.evidence()).extracting(Evidence::item).containsExactly("ann", "ann", "bob");
    }

    @Test
    void summariesOfPartsOfTheLogMergeIntoTheWhole() throws IOException {
        HandMadeLog log = twoItems();
        long end = HandMadeLog.at(2, 16, 0).toEpochMilli();
        CaseAnalyzer whole = new CaseAnalyzer(MODEL);
        log.events().forEach(whole::accept);
        CaseAnalyzer partA = new CaseAnalyzer(MODEL);
        log.only("item-a", "req-1").forEach(partA::accept);
        CaseAnalyzer partB = new CaseAnalyzer(MODEL);
        log.only("item-b").forEach(partB::accept);
        DebtReport expected = DebtAnalysis.report(MODEL, List.of(), "log", whole.finish(end), List.of());
        DebtReport merged = DebtAnalysis.report(MODEL, List.of(), "log", partB.finish(end).merge(partA.finish(end)), List.of());
        assertThat(merged.score()).isEqualTo(expected.score());
        for (ComponentResult c : expected.components()) {
            ComponentResult m = merged.component(c.id());
            assertThat(m.value()).as(c.id()).isCloseTo(c.value(), within(1e-12));
            assertThat(m.costHours()).as(c.id()).isCloseTo(c.costHours(), within(1e-9));
            assertThat(m.evidence()).as(c.id()).isEqualTo(c.evidence());
        }
        assertThat(merged.breakdowns().get(Dimension.PERSON)).isEqualTo(expected.breakdowns().get(Dimension.PERSON));
    }
}
