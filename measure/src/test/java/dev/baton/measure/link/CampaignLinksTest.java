package dev.baton.measure.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.Funnel;
import dev.baton.measure.funnel.FunnelReport;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.link.CampaignLinks.CampaignItem;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.OutcomeData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Campaign items joined to the example exports' campaigns (FunnelTest has the money by campaign:
 * the Q1 Analytics Webinar sourced 36,000 and influenced 54,000; Q1 Search influenced Northwind's
 * 24,000; Q1 Display Kestrel's 12,000). The touchpoint file has ten rows: three of the webinar,
 * three of Q1 Search, one each of Q1 Display, Jan Newsletter, Feb Newsletter and Q1 Social.
 */
class CampaignLinksTest {

    private static CampaignLinks.Result join(List<CampaignItem> items, Map<String, String> aliases) throws Exception {
        Path examples = Path.of("..", "examples", "outcomes");
        OutcomeData data = CrmReader.read(CrmReader.sources(List.of(examples.resolve("salesforce"),
                examples.resolve("touchpoints.csv"))), OutcomeMapping.DEFAULT).data();
        FunnelReport byCampaign = Funnel.compute(data, IdentityMatcher.match(data, OutcomeMapping.IdentityRules.NONE),
                OutcomeMapping.DEFAULT, Dimension.CAMPAIGN, JourneyOptions.DEFAULT);
        return CampaignLinks.join("campaign-name", items, byCampaign, data.touchpoints(), aliases);
    }

    @Test
    void itemsLinkByNameUtmCampaignAliasOrCaseAndTheRestIsCounted() throws Exception {
        CampaignLinks.Result r = join(List.of(
                new CampaignItem("item-1", "Webinar", "campaign", "Q1 Analytics Webinar"),
                new CampaignItem("item-2", "Search", "campaign", "q1-search"),
                new CampaignItem("item-3", "Display", "campaign", "q1 display"),
                new CampaignItem("item-4", "Blank", "campaign", " "),
                new CampaignItem("item-5", "Gala", "campaign", "Spring Gala"),
                new CampaignItem("item-6", "Webinar again", "campaign", "The webinar")),
                Map.of("The webinar", "Q1 Analytics Webinar"));

        assertThat(r.linked()).extracting(l -> l.item().item() + "=" + l.campaign()).containsExactly(
                "item-1=Q1 Analytics Webinar", "item-2=Q1 Search", "item-3=Q1 Display", "item-6=Q1 Analytics Webinar");
        FunnelReport.Money webinar = r.of("item-1").money();
        assertThat(webinar.pipelineSourced()).isEqualTo(36_000.0);
        assertThat(webinar.pipelineInfluenced()).isEqualTo(54_000.0);
        assertThat(webinar.revenueSourced()).isEqualTo(24_000.0);
        assertThat(r.of("item-2").money().pipelineSourced()).isZero();
        assertThat(r.of("item-2").money().revenueInfluenced()).isEqualTo(24_000.0);
        assertThat(r.of("item-3").money().pipelineInfluenced()).isEqualTo(12_000.0);

        assertThat(r.unlinked()).extracting(u -> u.item().item() + ": " + u.reason()).containsExactly(
                "item-4: its campaign-name is empty",
                "item-5: no campaign or UTM campaign named 'Spring Gala' in the outcome data");
        assertThat(r.campaignsWithoutItem()).extracting(CampaignLinks.Orphan::campaign)
                .containsExactly("Feb Newsletter", "Jan Newsletter", "Q1 Social");
        assertThat(r.campaignsWithoutItem().get(1).money().pipelineSourced()).as("Orbit's first touch").isEqualTo(18_000.0);
        assertThat(r.touchpoints()).isEqualTo(10);
        assertThat(r.unmatchedTouchpoints()).isEqualTo(3);
        assertThat(r.unmatchedExamples()).containsExactly("Feb Newsletter (1)", "Jan Newsletter (1)", "Q1 Social (1)");
    }

    @Test
    void withoutItemsEveryTouchpointIsUnmatched() throws Exception {
        CampaignLinks.Result r = join(List.of(), Map.of());
        assertThat(r.linked()).isEmpty();
        assertThat(r.unmatchedTouchpoints()).isEqualTo(10);
        assertThat(r.unmatchedExamples().get(0)).isEqualTo("Q1 Analytics Webinar (3)");
    }

    @Test
    void comparableWorkIsTheSameWorkTypeInTheRequestsChannelWithTheMedianSourcedPipeline() throws Exception {
        CampaignLinks.Result r = join(List.of(
                new CampaignItem("item-1", "Webinar", "campaign", "Q1 Analytics Webinar"),
                new CampaignItem("item-2", "Search", "campaign", "Q1 Search"),
                new CampaignItem("item-3", "Newsletter", "campaign", "Jan Newsletter"),
                new CampaignItem("item-4", "Newsletter asset", "asset", "Feb Newsletter")), Map.of());
        Map<String, String> channels = Map.of("Q1 Analytics Webinar", "webinar", "Q1 Search", "paid_search",
                "Jan Newsletter", "email", "Feb Newsletter", "email");

        ComparableWork.Evidence any = ComparableWork.of(r, "campaign", List.of(), channels::get);
        assertThat(any.items()).containsExactly("item-1", "item-2", "item-3");
        assertThat(any.medianPipeline()).as("36,000, 0 and 18,000").isEqualTo(18_000.0);

        ComparableWork.Evidence search = ComparableWork.of(r, "campaign", List.of("Paid search", "webinar"), channels::get);
        assertThat(search.items()).containsExactly("item-1", "item-2");
        assertThat(search.medianPipeline()).isEqualTo(18_000.0);
        assertThat(search.sentence()).isEqualTo("Comparable past work (work type campaign, channel Paid search or webinar) "
                + "sourced a median 18,000 pipeline: 2 items behind it, attribution model " + ComparableWork.MODEL + ".");

        ComparableWork.Evidence none = ComparableWork.of(r, "campaign", List.of("events"), channels::get);
        assertThat(none.items()).isEmpty();
        assertThat(none.medianPipeline()).isNull();
    }
}
