package dev.baton.measure.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.funnel.FunnelReport.Group;
import dev.baton.measure.funnel.FunnelReport.StageFigures;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.OutcomeData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The funnel of the example exports (examples/outcomes/salesforce and touchpoints.csv), every
 * figure worked out by hand from the files:
 *
 * <pre>
 * lead   created  MQL    SQL    opportunity      status              entity reaches
 * Ana    5 Jan    10 Jan 12 Jan 20 Jan (won 2 Mar) Closed - Converted lead mql sql opp won
 * Ben    8 Jan    15 Jan 20 Jan  -               Working - Contacted lead mql sql
 * Cho    2 Feb    4 Feb   -      -               Unqualified         lead mql (rejected)
 * Dee    10 Feb   11 Feb  -      -               Marketing Qualified lead mql (never worked)
 * Eli    1 Feb    3 Feb  9 Feb  15 Feb (open)    Closed - Converted  lead mql sql opp
 * Fay    1 Mar     -      -      -               Open - Not Contacted lead
 * Kestrel's opportunity (20 Feb, lost) came from no lead: it enters at opportunity.
 * </pre>
 * Counts 6, 5, 3, 3, 1. Days lead→MQL 5, 7, 2, 1, 2 (median 2); MQL→SQL 2, 5, 6 (median 5); SQL→opportunity
 * 8, 6 (median 7); opportunity→won 41 (20 Jan to 2 Mar). The data ends 20 March (Kestrel's close).
 */
class FunnelTest {

    static final Path EXAMPLES = Path.of("..", "examples", "outcomes");

    static FunnelReport funnel(Dimension by) throws Exception {
        OutcomeData data = CrmReader.read(CrmReader.sources(List.of(EXAMPLES.resolve("salesforce"),
                EXAMPLES.resolve("touchpoints.csv"))), OutcomeMapping.DEFAULT).data();
        return Funnel.compute(data, IdentityMatcher.match(data, OutcomeMapping.IdentityRules.NONE), OutcomeMapping.DEFAULT,
                by, JourneyOptions.DEFAULT);
    }

    private static Group group(FunnelReport r, String key) {
        return r.groups().stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void countsConversionRatesAndMedianDaysBetweenStages() throws Exception {
        FunnelReport r = funnel(Dimension.NONE);

        assertThat(r.asOf()).isEqualTo(Instant.parse("2026-03-20T00:00:00Z"));
        List<StageFigures> s = r.total().stages();
        assertThat(s).extracting(StageFigures::stage).containsExactly("lead", "mql", "sql", "opportunity", "won");
        assertThat(s).extracting(StageFigures::count).containsExactly(6L, 5L, 3L, 3L, 1L);
        assertThat(s.get(0).conversionToNext()).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(s.get(1).conversionToNext()).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(s.get(2).conversionToNext()).as("Ana and Eli of Ana, Ben, Eli").isCloseTo(2 / 3.0, within(1e-12));
        assertThat(s.get(3).conversionToNext()).as("Ana's of three opportunities").isCloseTo(1 / 3.0, within(1e-12));
        assertThat(s.get(4).conversionToNext()).isNull();
        assertThat(s).extracting(StageFigures::medianDaysToNext).containsExactly(2.0, 5.0, 7.0, 41.0, null);
        assertThat(s).extracting(StageFigures::daysMeasured).containsExactly(5L, 3L, 2L, 1L, 0L);
    }

    @Test
    void costPerStageIsTheTouchCostOverTheStagesCount() throws Exception {
        FunnelReport r = funnel(Dimension.NONE);

        // 40 + 25 + 60 + 5 + 30 + 50 = 210 over 6 leads, 5 MQLs, 3 SQLs, 3 opportunities, 1 won.
        assertThat(r.total().cost()).isEqualTo(210.0);
        assertThat(r.total().stages()).extracting(StageFigures::costPerEntity).containsExactly(35.0, 42.0, 70.0, 70.0, 210.0);
    }

    @Test
    void theLeadHandoffCountsTimeToAcceptRejectionsAndLeadsNeverWorkedWithTheirEvidence() throws Exception {
        FunnelReport.HandoffFigures h = funnel(Dimension.NONE).total().handoff();

        assertThat(h.from()).isEqualTo("mql");
        assertThat(h.to()).isEqualTo("sql");
        assertThat(h.handedOver()).isEqualTo(5);
        assertThat(h.accepted()).isEqualTo(3);
        assertThat(h.medianDaysToAccept()).isEqualTo(5.0);
        // Accepted after 2, 5 and 6 days; the SLA is 2 days (48 hours is within it).
        assertThat(h.overSla().count()).isEqualTo(2);
        assertThat(h.overSla().examples()).containsExactly("00Q5g00000AbCd2 (120h)", "00Q5g00000AbCd5 (144h)");
        assertThat(h.rejected().examples()).containsExactly("00Q5g00000AbCd3 (Unqualified)");
        assertThat(h.neverWorked().examples()).containsExactly("00Q5g00000AbCd4 (mql since 2026-02-11)");
    }

    @Test
    void sourcedIsThePrimaryCampaignElseTheFirstTouchAndInfluencedIsEveryTouchInTheWindow() throws Exception {
        FunnelReport r = funnel(Dimension.CAMPAIGN);

        // Northwind's opportunity names its primary campaign, the webinar; Kestrel's names none and the
        // webinar was its first touch; Orbit's first touch was January's newsletter.
        FunnelReport.Money webinar = group(r, "Q1 Analytics Webinar").money();
        assertThat(webinar.opportunitiesSourced()).isEqualTo(2);
        assertThat(webinar.pipelineSourced()).isEqualTo(36_000.0);
        assertThat(webinar.revenueSourced()).isEqualTo(24_000.0);
        assertThat(webinar.opportunitiesInfluenced()).as("it touched all three accounts").isEqualTo(3);
        assertThat(webinar.pipelineInfluenced()).isEqualTo(54_000.0);
        FunnelReport.Money search = group(r, "Q1 Search").money();
        assertThat(search.opportunitiesSourced()).as("it was Northwind's first touch, but not its primary campaign")
                .isZero();
        assertThat(search.revenueInfluenced()).isEqualTo(24_000.0);
        assertThat(group(r, "Jan Newsletter").money().pipelineSourced()).isEqualTo(18_000.0);
        assertThat(group(r, "Feb Newsletter").money().opportunitiesInfluenced())
                .as("15 Feb is after Northwind's opportunity was created but before it closed").isEqualTo(1);
        assertThat(group(r, "Q1 Display").money().pipelineInfluenced()).isEqualTo(12_000.0);
        // The money is counted once in the total, however many campaigns share it.
        assertThat(r.total().money().pipelineSourced()).isEqualTo(54_000.0);
        assertThat(r.total().money().pipelineInfluenced()).isEqualTo(54_000.0);
    }

    @Test
    void leadsBelongToTheCampaignOfTheirFirstTouchAndCarryItsCost() throws Exception {
        FunnelReport r = funnel(Dimension.CAMPAIGN);

        Group search = group(r, "Q1 Search");
        assertThat(search.stages()).extracting(StageFigures::count).containsExactly(3L, 2L, 1L, 1L, 1L);
        assertThat(search.cost()).isEqualTo(150.0);
        assertThat(search.stages().get(0).costPerEntity()).isEqualTo(50.0);
        assertThat(group(r, "Q1 Analytics Webinar").stages()).extracting(StageFigures::count)
                .as("Ben, and Kestrel's opportunity").containsExactly(1L, 1L, 1L, 1L, 0L);
    }

    @Test
    void byChannelSegmentAndQuarter() throws Exception {
        FunnelReport channels = funnel(Dimension.CHANNEL);
        assertThat(group(channels, "webinar").money().pipelineSourced()).isEqualTo(36_000.0);
        assertThat(group(channels, "email").money().pipelineInfluenced()).isEqualTo(42_000.0);
        assertThat(group(channels, "paid_search").stages().get(0).count()).isEqualTo(3);

        FunnelReport segments = funnel(Dimension.SEGMENT);
        assertThat(segments.groups()).extracting(Group::key).containsExactly("Enterprise", "Mid-Market", "SMB");
        assertThat(group(segments, "Enterprise").stages()).extracting(StageFigures::count)
                .as("Ben, Eli and Kestrel's opportunity").containsExactly(2L, 2L, 2L, 2L, 0L);

        FunnelReport quarters = funnel(Dimension.QUARTER);
        assertThat(quarters.groups()).extracting(Group::key).containsExactly("2025-Q4", "2026-Q1");
        assertThat(group(quarters, "2025-Q4").cost()).as("the 20 December search click").isEqualTo(40.0);
    }

    @Test
    void byWorkTypeEachEntityGoesToItsSourcingCampaignsWorkTypeAndEachOpportunityIsInfluencedOncePerWorkType()
            throws Exception {
        OutcomeData data = CrmReader.read(CrmReader.sources(List.of(EXAMPLES.resolve("salesforce"),
                EXAMPLES.resolve("touchpoints.csv"))), OutcomeMapping.DEFAULT).data();
        // Two campaigns of one work type, one of another; Feb Newsletter, Q1 Display and Q1 Social link to no item.
        FunnelReport r = Funnel.compute(data, IdentityMatcher.match(data, OutcomeMapping.IdentityRules.NONE),
                OutcomeMapping.DEFAULT, Dimension.WORK_TYPE, JourneyOptions.DEFAULT,
                Map.of("Q1 Search", "acquisition", "Q1 Analytics Webinar", "acquisition", "Jan Newsletter", "newsletter"));

        assertThat(r.groups()).extracting(Group::key)
                .containsExactly("(no linked work item)", "(none)", "acquisition", "newsletter");
        Group acquisition = group(r, "acquisition");
        // Ana, Cho, Fay (first touch Q1 Search), Ben (the webinar) and Kestrel's opportunity (first touch the webinar).
        assertThat(acquisition.stages()).extracting(StageFigures::count).containsExactly(4L, 3L, 2L, 2L, 1L);
        // Lead → MQL: Ana 5, Ben 7, Cho 2 days, median 5: neither Q1 Search's (3.5) nor the webinar's (7).
        assertThat(acquisition.stages()).extracting(StageFigures::medianDaysToNext)
                .containsExactly(5.0, 3.5, 8.0, 41.0, null);
        assertThat(acquisition.stages().get(0).conversionToNext()).isCloseTo(3 / 4.0, within(1e-12));
        assertThat(acquisition.cost()).as("the three search clicks; the webinar cost nothing").isEqualTo(150.0);
        assertThat(acquisition.stages()).extracting(StageFigures::costPerEntity)
                .containsExactly(37.5, 50.0, 75.0, 75.0, 150.0);
        FunnelReport.Money money = acquisition.money();
        assertThat(money.opportunitiesSourced()).as("Northwind (primary campaign) and Kestrel").isEqualTo(2);
        assertThat(money.pipelineSourced()).isEqualTo(36_000.0);
        assertThat(money.revenueSourced()).isEqualTo(24_000.0);
        // Northwind was touched by Q1 Search and by the webinar, both acquisition: its 24,000 counts once
        // (adding up the campaigns' groups would say 78,000 over four opportunities).
        assertThat(money.opportunitiesInfluenced()).isEqualTo(3);
        assertThat(money.pipelineInfluenced()).isEqualTo(54_000.0);
        assertThat(money.revenueInfluenced()).isEqualTo(24_000.0);

        Group newsletter = group(r, "newsletter");
        assertThat(newsletter.stages()).extracting(StageFigures::count).as("Eli").containsExactly(1L, 1L, 1L, 1L, 0L);
        assertThat(newsletter.money().pipelineSourced()).as("Orbit's first touch").isEqualTo(18_000.0);
        assertThat(newsletter.money().pipelineInfluenced()).isEqualTo(18_000.0);
        assertThat(newsletter.cost()).isEqualTo(5.0);

        Group unlinked = group(r, "(no linked work item)");
        assertThat(unlinked.stages()).extracting(StageFigures::count).as("no lead or opportunity is sourced there")
                .containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(group(r, "(none)").stages()).extracting(StageFigures::count)
                .as("Dee: a gmail address, no account, so no touch of its account").containsExactly(1L, 1L, 0L, 0L, 0L);
        assertThat(unlinked.money().opportunitiesSourced()).isZero();
        assertThat(unlinked.money().opportunitiesInfluenced()).as("Northwind by Feb Newsletter, Kestrel by Q1 Display")
                .isEqualTo(2);
        assertThat(unlinked.money().pipelineInfluenced()).isEqualTo(36_000.0);
        assertThat(unlinked.cost()).as("display 25, social 30").isEqualTo(55.0);
        assertThat(r.total().money().pipelineInfluenced()).isEqualTo(54_000.0);
    }
}
