package dev.baton.insight.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.learning.PostMortemFacts.Fact;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facts Northwind's demand team sees when it opens the post-mortem of its spring webinar
 * campaign: the end date against the completion, the brief review and the results handoff over
 * their SLAs by how much, QA sending the build back, the wait for the second approval and a
 * denial, the handoff the ops team rejected with its reason, the asset under the campaign, and
 * the metrics to judge it by with no outcome data yet.
 */
class PostMortemFactsTest {

    static final OperatingModel MODEL = ModelValidation.validate(Path.of("..", "examples", "b2b-saas.yaml")).model();
    static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

    /** A stream's events, each at an offset from T0. */
    static final class History {
        final String stream;
        final String workType;
        final List<RecordedEvent> events = new ArrayList<>();
        Duration now = Duration.ZERO;

        History(String stream, String workType) {
            this.stream = stream;
            this.workType = workType;
        }

        History at(Duration offset, String actor, BatonEvent event) {
            now = offset;
            events.add(new RecordedEvent(events.size() + 1, stream, events.size() + 1, T0.plus(offset), actor, workType, 1,
                    null, event));
            return this;
        }
    }

    static Duration h(double hours) {
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    static History campaign() {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("campaign-name", "Spring webinars");
        brief.put("primary-metric", "mql-to-sql");
        brief.put("start-date", "2026-04-06");
        brief.put("end-date", "2026-05-15");
        return new History("spring-webinars", "campaign")
                .at(h(0), "nora.haddad", new ItemCreated("Spring webinars", "brief", brief, "q2-initiative", null))
                .at(h(24), "nora.haddad", new StageEntered("brief", "brief-review", false))
                .at(h(25), "nora.haddad", new ApprovalRequested("brief-review", List.of("nora.haddad", "maya.chen")))
                .at(h(26), "maya.chen", new ApprovalDenied("brief-review", "maya.chen", "Segment too broad"))
                .at(h(27), "nora.haddad", new ApprovalRequested("brief-review", List.of("nora.haddad", "maya.chen")))
                .at(h(28), "nora.haddad", new ApprovalGranted("brief-review", "nora.haddad", null))
                .at(h(99), "maya.chen", new ApprovalGranted("brief-review", "maya.chen", "OK"))
                .at(h(100), "jon.ito", new StageEntered("brief-review", "build", false))
                .at(h(150), "jon.ito", new StageEntered("build", "qa", false))
                .at(h(160), "jon.ito", new StageEntered("qa", "build", true))
                .at(h(170), "jon.ito", new CommentAdded("Fixed the UTM links"))
                .at(h(180), "jon.ito", new StageEntered("build", "qa", false))
                .at(h(181), "jon.ito", new ApprovalGranted("qa", "jon.ito", null))
                .at(h(182), "jon.ito", new StageEntered("qa", "live", false))
                .at(h(900), "jon.ito", new HandoffSent("demand-gen", "ops", "live", "results", Map.of()))
                .at(h(905), "dev.patel", new HandoffRejected("live", "results", "No UTM plan attached"))
                .at(h(910), "jon.ito", new HandoffSent("demand-gen", "ops", "live", "results", Map.of()))
                .at(h(958), "dev.patel", new HandoffAccepted("live", "results"))
                .at(h(958), "dev.patel", new StageEntered("live", "results", false))
                .at(h(1130), "dev.patel", new ItemCompleted("results"));
    }

    static History asset() {
        return new History("cfo-ebook", "asset")
                .at(h(30), "sam.rivera", new ItemCreated("Ebook: The CFO's guide", "triage", Map.of(), "spring-webinars", null))
                .at(h(31), "sam.rivera", new StageEntered("triage", "brief", false))
                .at(h(40), "sam.rivera", new StageEntered("brief", "draft", false))
                .at(h(60), "ines.duarte", new StageEntered("draft", "review", false))
                .at(h(70), "maya.chen", new StageEntered("review", "draft", true));
    }

    static PostMortemFacts facts() {
        return PostMortemFacts.of(v -> MODEL, MODEL, List.of(campaign().events, asset().events));
    }

    static List<String> sentences(List<Fact> facts) {
        return facts.stream().map(Fact::sentence).toList();
    }

    @Test
    void plannedAndActualDatesSayHowLateTheWorkFinished() {
        PostMortemFacts.Dates dates = facts().dates();
        assertThat(dates.due()).hasToString("2026-05-15");
        assertThat(dates.dueField()).isEqualTo("end-date");
        assertThat(dates.daysLate()).isEqualTo(3);
        assertThat(dates.sentence()).isEqualTo("Planned to start on 2026-04-06 (Start date); created on 2026-04-01. "
                + "Planned to end on 2026-05-15 (End date); completed on 2026-05-18: 3 days late.");
    }

    @Test
    void stagesAndHandoffsOverTheirSlaSayByHowMuch() {
        PostMortemFacts facts = facts();
        // QA took 10 hours of its day: within its SLA, so no fact
        assertThat(sentences(facts.slaOverruns())).containsExactly(
                "Brief review took 3.2 days against its SLA of 2d (28.0 h over)",
                "The handoff from Live to Results (Demand generation → Marketing & revenue operations) was accepted 2.0 days "
                        + "after it was sent, against its SLA of 1d (24.0 h over)",
                "Results took 7.2 days against its SLA of 1w (4.0 h over)");
        assertThat(facts.slaOverruns().get(0).millis()).isEqualTo(Duration.ofHours(28).toMillis());
        assertThat(facts.slaOverruns().get(0).at()).isEqualTo(T0.plus(h(100)));
    }

    @Test
    void reworkApprovalWaitsAndRejectedHandoffsAreEachAFactWithWhoAndWhy() {
        PostMortemFacts facts = facts();
        assertThat(sentences(facts.rework())).containsExactly("Sent back from QA to Build by Jon Ito",
                "Ebook: The CFO's guide: Sent back from Review to Draft by Maya Chen");
        assertThat(facts.rework().get(1).item()).isEqualTo("cfo-ebook");
        assertThat(sentences(facts.approvalWaits())).containsExactly("Brief review was denied by Maya Chen after waiting 1.0 h",
                "Brief review waited 3.0 days for approval, until Maya Chen approved",
                "QA waited 1.0 h for approval, until Jon Ito approved");
        assertThat(facts.approvalWaits().get(0).detail()).isEqualTo("Segment too broad");
        assertThat(facts.rejectedHandoffs()).singleElement().satisfies(f -> {
            assertThat(f.sentence()).isEqualTo("The handoff from Live to Results (Demand generation → Marketing & revenue "
                    + "operations) was rejected by Dev Patel");
            assertThat(f.detail()).isEqualTo("No UTM plan attached");
        });
        assertThat(facts.items()).isEqualTo(2);
    }

    @Test
    void outcomesAreTheWorkTypesMetricsAndTheItemsOwnWithNoDataLinked() {
        assertThat(facts().outcomes()).extracting(PostMortemFacts.Outcome::sentence).containsExactly(
                "Marketing-sourced pipeline (target 4,200,000 USD per quarter): no outcome data linked",
                "MQL to SQL conversion (target 35 percent): no outcome data linked");
    }

    static final CampaignOutcome WEBINAR = new CampaignOutcome("Q2 Analytics Webinar", 3, 1_260_000, 2, 800_000, 5,
            2_000_000, 3, 950_000);

    /** A source answering one campaign by its name, as the server's funnel does (any case). */
    static OutcomeSource source(CampaignOutcome c) {
        return link -> link.equalsIgnoreCase(c.campaign()) ? java.util.Optional.of(c) : java.util.Optional.empty();
    }

    @Test
    void aLinkedCampaignGivesItsPipelineAndRevenueAndTheMetricsActualAgainstItsTarget() {
        PostMortemFacts linked = facts().withOutcomes(List.of(new OutcomeLink(facts().item(), "q2 analytics webinar",
                        "its title")),
                source(WEBINAR), true);
        assertThat(linked.linked()).singleElement().satisfies(l -> assertThat(l.sentence()).isEqualTo(
                "CRM campaign “Q2 Analytics Webinar” (linked by its title): sourced 3 opportunities (pipeline "
                        + "1,260,000), 2 won (revenue 800,000); influenced 5 (pipeline 2,000,000), 3 won (revenue 950,000)"));
        assertThat(linked.outcomes()).extracting(PostMortemFacts.Outcome::sentence).containsExactly(
                "Marketing-sourced pipeline (target 4,200,000 USD per quarter): actual 1,260,000 from Q2 Analytics "
                        + "Webinar, 30% of the target",
                "MQL to SQL conversion (target 35 percent): no figure for this metric in the linked outcome data of "
                        + "Q2 Analytics Webinar (it has sourced and influenced pipeline and won revenue)");
        assertThat(linked.outcomes().get(0).result()).isEqualTo(1_260_000.0);
        assertThat(linked.outcomes().get(1).result()).isNull();
        assertThat(linked.sentences()).contains(linked.linked().get(0).sentence());
    }

    @Test
    void withoutALinkedCampaignEveryMetricSaysNoOutcomeDataLinked() {
        PostMortemFacts notFound = facts().withOutcomes(List.of(new OutcomeLink("c1", "Spring launch", "its title"),
                new OutcomeLink("a1", "Landing page", "its title")), source(WEBINAR), true);
        assertThat(notFound.linked()).singleElement().satisfies(l -> {
            assertThat(l.figures()).isNull();
            assertThat(l.sentence()).isEqualTo("No CRM campaign named “Spring launch” (its title) in the stored outcome "
                    + "data: set the template field 'campaign' to the campaign's name in the CRM to link it");
        });
        assertThat(notFound.outcomes()).extracting(PostMortemFacts.Outcome::sentence).allMatch(s -> s.endsWith(
                ": no outcome data linked"));
        PostMortemFacts nothingStored = facts().withOutcomes(List.of(new OutcomeLink("c1", "Spring launch", "its title")),
                OutcomeSource.NONE, false);
        assertThat(nothingStored.linked()).isEmpty();
        assertThat(nothingStored.outcomes()).extracting(PostMortemFacts.Outcome::result).containsOnlyNulls();
    }

    @Test
    void theCampaignsOfTheItemsUnderItAddUp() {
        CampaignOutcome search = new CampaignOutcome("Q2 Search", 1, 140_000, 0, 0, 2, 300_000, 1, 50_000);
        OutcomeSource both = link -> java.util.Optional.ofNullable(
                link.equals("Q2 Search") ? search : link.equals("Q2 Analytics Webinar") ? WEBINAR : null);
        PostMortemFacts f = facts().withOutcomes(List.of(new OutcomeLink("i1", "Q2 Pipeline push", "its title"),
                new OutcomeLink("c1", "Q2 Analytics Webinar", "its campaign field"),
                new OutcomeLink("c2", "Q2 Search", "its title")), both, true);
        assertThat(f.linked()).extracting(PostMortemFacts.Linked::sentence).element(1).asString()
                .startsWith("CRM campaign “Q2 Analytics Webinar” (linked by its campaign field of c1)");
        assertThat(f.outcomes().get(0).result()).isEqualTo(1_400_000.0);
        assertThat(f.outcomes().get(0).sentence()).endsWith("actual 1,400,000 from Q2 Analytics Webinar, Q2 Search, "
                + "33% of the target");
    }

    @Test
    void theSentencesKeptWithAPostMortemNameEveryFactWithWhatWasWritten() {
        List<String> all = facts().sentences();
        assertThat(all.get(0)).startsWith("Planned to start on 2026-04-06");
        assertThat(all).contains("The handoff from Live to Results (Demand generation → Marketing & revenue operations) was "
                + "rejected by Dev Patel: “No UTM plan attached”");
        assertThat(all).hasSize(1 + 3 + 2 + 3 + 1 + 2);
    }

    @Test
    void withoutADueDateTheDurationIsSaid() {
        History initiative = new History("q2", "initiative")
                .at(h(0), "grace.lindqvist", new ItemCreated("Q2 EMEA expansion", "proposal", Map.of(), null, null))
                .at(h(240), "grace.lindqvist", new ItemCompleted("proposal"));
        PostMortemFacts facts = PostMortemFacts.of(v -> MODEL, MODEL, List.of(initiative.events));
        assertThat(facts.dates().sentence()).isEqualTo("No due date was set; completed on 2026-04-11, 10 days after it was created.");
        assertThat(facts.slaOverruns()).isEmpty();
    }
}
