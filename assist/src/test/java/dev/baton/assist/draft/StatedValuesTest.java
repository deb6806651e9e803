package dev.baton.assist.draft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.Examples;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a request states, put into the template's typed fields, and nothing it does not state. */
class StatedValuesTest {

    static final OperatingModel B2B = Examples.b2b();
    static final OperatingModel CONTENT = Examples.model("content-team.yaml");
    static final LocalDate TODAY = LocalDate.of(2026, 2, 10);

    static Map<String, Object> read(OperatingModel model, String template, String text) {
        Template t = model.template(template).orElseThrow();
        return StatedValues.read(model, t, text, TODAY, Set.of());
    }

    @Test
    void aCampaignRequestGivesItsDatesBudgetAudienceChannelsMetricAndEstimates() {
        Map<String, Object> v = read(B2B, "campaign-brief", "LinkedIn and webinar campaign for fintech CFOs in the UK "
                + "starting 1 March until 30 April with a $20k budget, to grow pipeline in mid-market accounts. "
                + "Reach 450 accounts, 60% confidence, effort 2 person-weeks.");
        assertThat(v).containsEntry("start-date", "2026-03-01").containsEntry("end-date", "2026-04-30")
                .containsEntry("budget", 20000.0).containsEntry("segment", "fintech CFOs in the UK")
                .containsEntry("channel-mix", List.of("LinkedIn", "webinar")).containsEntry("primary-metric", "pipeline")
                .containsEntry("reach", 450.0).containsEntry("confidence", 60.0).containsEntry("effort", 2.0)
                .containsEntry("objective", "Grow pipeline in mid-market accounts");
        assertThat((String) v.get("campaign-name")).startsWith("LinkedIn and webinar campaign for fintech CFOs");
        // Impact is not stated: it is not there, rather than guessed.
        assertThat(v).doesNotContainKey("impact").doesNotContainKey("campaign-owner").doesNotContainKey("landing-page");
    }

    /** Tried as a new user would: "aiming" is not "aim", and a quarter taken as dates leaves no "CFOs in". */
    @Test
    void wordsThatOnlyLedIntoAnotherValueAreNotPartOfTheAudienceOrTheObjective() {
        Map<String, Object> v = read(B2B, "campaign-brief", "Webinar campaign for CFOs in Q2 2027, budget 15000, "
                + "aiming for 300 sign-ups via LinkedIn and email");

        assertThat(v).containsEntry("segment", "CFOs").containsEntry("budget", 15000.0)
                .containsEntry("start-date", "2027-04-01").containsEntry("end-date", "2027-06-30");
        assertThat(v.get("objective")).as("no objective is stated").isNull();
    }

    @Test
    void labelledLinesAreTakenAsTheFieldsTheyName() {
        Map<String, Object> v = read(B2B, "campaign-brief", """
                Campaign name: Spring ABM wave
                Segment: Enterprise retail, 1000+ employees
                Primary metric: MQL to SQL conversion
                Channel mix: ABM, email nurture and events
                Start date: 2026-04-06
                Budget: 35,000 USD
                Campaign owner: Jon Ito
                Landing page: https://example.com/spring-abm.
                """);
        assertThat(v).containsEntry("campaign-name", "Spring ABM wave")
                .containsEntry("segment", "Enterprise retail, 1000+ employees")
                .containsEntry("primary-metric", "mql-to-sql")
                .containsEntry("channel-mix", List.of("ABM", "email nurture", "events"))
                .containsEntry("start-date", "2026-04-06").containsEntry("budget", 35000.0)
                .containsEntry("campaign-owner", "jon.ito").containsEntry("landing-page", "https://example.com/spring-abm");
    }

    @Test
    void labelsInARunOfCommasEndAtTheNextCommaAndMayBeInitialsOrPartOfTheFieldsId() {
        Map<String, Object> v = read(B2B, "creative-brief", "Need a landing page for the spring release webinar, audience: "
                + "data leaders at mid-market SaaS, key message: real-time dashboards without engineers, CTA: register now, "
                + "due by 2026-03-20, reviewer Maya Chen");
        assertThat(v).containsEntry("asset-type", "landing-page").containsEntry("audience-note", "data leaders at mid-market SaaS")
                .containsEntry("key-message", "real-time dashboards without engineers")
                .containsEntry("call-to-action", "register now").containsEntry("due-date", "2026-03-20")
                .containsEntry("reviewer", "maya.chen");
        Map<String, Object> post = read(CONTENT, "post-brief", "Blog post pitch: 'Why data contracts fail', angle: lessons "
                + "from 12 failed rollouts, awareness stage, Ben to write it, publish 14 April");
        assertThat(post).containsEntry("working-title", "Why data contracts fail")
                .containsEntry("angle", "lessons from 12 failed rollouts").containsEntry("funnel-stage", "awareness")
                .containsEntry("author", "ben.kowalski").containsEntry("publish-date", "2026-04-14");
    }

    @Test
    void aLaunchRequestGivesItsTierDatePersonAndMetric() {
        Map<String, Object> v = read(B2B, "launch-brief", "Tier 1 launch of Usage Alerts on June 3rd, owned by "
                + "Priya Raman, for enterprise data teams; success is feature adoption. Pricing impact: none. "
                + "Problem: customers find out about overages too late.");
        assertThat(v).containsEntry("launch-tier", "tier-1").containsEntry("launch-date", "2026-06-03")
                .containsEntry("product-owner", "priya.raman").containsEntry("success-metric", "feature-adoption")
                .containsEntry("target-audience", "enterprise data teams").containsEntry("pricing-impact", "none")
                .containsEntry("problem-statement", "customers find out about overages too late");
    }

    @Test
    void aDateWithoutAYearIsItsNextOccurrenceAndAmbiguousOnesAreLeftAlone() {
        assertThat(read(B2B, "creative-brief", "One-pager for the sales team, due Jan 20")).containsEntry("due-date", "2027-01-20")
                .containsEntry("asset-type", "one-pager");
        assertThat(read(B2B, "creative-brief", "One-pager due 03/04")).doesNotContainKey("due-date");
        assertThat(read(B2B, "creative-brief", "One-pager due in March")).doesNotContainKey("due-date");
    }

    @Test
    void aQuarterFillsAStartAndAnEndTogether() {
        assertThat(read(B2B, "campaign-brief", "Nurture for healthcare accounts in Q3 2026"))
                .containsEntry("start-date", "2026-07-01").containsEntry("end-date", "2026-09-30");
    }

    @Test
    void numbersGoToTheFieldsTheirWordsName() {
        Map<String, Object> v = read(CONTENT, "webinar-brief", "Webinar on data contracts on 12 May 2026 with "
                + "Zoe Park and Omar Farah as speakers, aiming for 300 sign-ups. Strategic fit 4, audience demand 5, "
                + "search volume 2.");
        assertThat(v).containsEntry("event-date", "2026-05-12").containsEntry("target-signups", 300.0)
                .containsEntry("strategic-fit", 4.0).containsEntry("audience-demand", 5.0).containsEntry("search-volume", 2.0)
                .containsEntry("speakers", List.of("zoe.park", "omar.farah"));
        assertThat(read(CONTENT, "webinar-brief", "Webinar on data contracts, aiming for 300 sign-ups"))
                .containsEntry("target-signups", 300.0).doesNotContainKey("audience-demand");
        // A year and a tier are not numbers of a field.
        assertThat(read(B2B, "campaign-brief", "Tier-1 push in 2026 for retail")).doesNotContainKeys("reach", "budget", "effort");
    }

    @Test
    void aRequestThatStatesLittleGivesLittle() {
        Map<String, Object> v = read(B2B, "campaign-brief", "Can we do something about churn?");
        assertThat(v).containsOnlyKeys("campaign-name");
        assertThat(v).containsEntry("campaign-name", "Can we do something about churn?");
        assertThat(read(B2B, "campaign-brief", "")).isEmpty();
    }
}
