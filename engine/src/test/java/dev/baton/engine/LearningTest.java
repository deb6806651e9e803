package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.CommandResult.Recorded;
import dev.baton.engine.CommandResult.Rejected;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.item.WorkItemCommand.Complete;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemCommand.MoveTo;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.learning.Insight;
import dev.baton.engine.learning.LearningCommand.AcceptModelChange;
import dev.baton.engine.learning.LearningCommand.CreateFollowUp;
import dev.baton.engine.learning.LearningCommand.DeclineModelChange;
import dev.baton.engine.learning.LearningCommand.ProposeModelChange;
import dev.baton.engine.learning.LearningCommand.RecordInsight;
import dev.baton.engine.learning.LearningCommand.WritePostMortem;
import dev.baton.engine.learning.LearningEvent.FollowUpCreated;
import dev.baton.engine.learning.LearningEvent.ModelChangeAccepted;
import dev.baton.engine.learning.ModelChangeProposal;
import dev.baton.engine.learning.ModelChangeProposal.Status;
import dev.baton.model.change.ProposedChange.AddApprover;
import dev.baton.model.change.ProposedChange.AddSla;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a team sees when it learns from finished work through the engine: a post-mortem only of a
 * completed item, insights tagged to the model's components, follow-up work linked to them, and
 * proposed model changes that the model's owner accepts into a new version (written again on a
 * newer version when one came meanwhile) or declines with a reason; refusals record nothing.
 */
class LearningTest {

    private final Northwind n = new Northwind();
    private final Learning learning = n.engine.learning();
    private final Actor nora = new Actor("nora.haddad");
    private final Actor grace = new Actor("grace.lindqvist");

    private int events() {
        return n.engine.store().readAll(0, Integer.MAX_VALUE).size();
    }

    private WorkItemId completedInitiative() {
        WorkItemId done = n.create("initiative", Map.of());
        for (String stage : List.of("prioritization", "in-flight", "results-review")) {
            n.ok(done, "grace.lindqvist", new MoveTo(stage));
        }
        n.ok(done, "grace.lindqvist", new Complete());
        return done;
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

    private String insight(String title) {
        return ok(learning.recordInsight(n.next(), nora, new RecordInsight(title, "Reviews waited", List.of("messaging"),
                "direct", null, null))).stream();
    }

    @Test
    void aPostMortemIsWrittenOnlyOfACompletedItemAndRewritingKeepsTheLatest() {
        WorkItemId open = n.campaign(Northwind.campaignBrief());
        assertThat(refused(() -> learning.writePostMortem(0L, n.next(), nora, new WritePostMortem(open.value(), "Good brief",
                null, List.of()))).sentence()).endsWith("is not completed yet; its post-mortem is written once it is");
        WorkItemId done = completedInitiative();
        assertThat(refused(() -> learning.writePostMortem(0L, n.next(), nora, new WritePostMortem(done.value(), " ", null,
                List.of()))).code()).isEqualTo(Code.INVALID_INPUT);

        Recorded first = ok(learning.writePostMortem(0L, n.next(), nora, new WritePostMortem(done.value(), "Clear brief",
                "Review earlier", List.of("Finished on time"))));
        assertThat(first.stream()).isEqualTo("post-mortem:" + done.value());
        assertThat(refused(() -> learning.writePostMortem(0L, n.next(), nora, new WritePostMortem(done.value(), "Again",
                null, List.of()))).code()).isEqualTo(Code.STALE_VERSION);
        ok(learning.writePostMortem(1L, n.next(), grace, new WritePostMortem(done.value(), "Clear brief", "Review a week earlier",
                List.of("Finished on time"))));
        assertThat(learning.postMortem(done).orElseThrow().toChange()).isEqualTo("Review a week earlier");
        assertThat(learning.postMortem(done).orElseThrow().writtenBy()).isEqualTo("grace.lindqvist");
    }

    @Test
    void anInsightIsTaggedToComponentsAndAPostMortemSourceMustExist() {
        Rejection tags = refused(() -> learning.recordInsight(n.next(), nora, new RecordInsight("Legal is slow", null,
                List.of("legal"), "direct", null, null)));
        assertThat(tags.sentence()).contains("'legal' is no component of Northwind Analytics GTM; its components are audience,");
        assertThat(refused(() -> learning.recordInsight(n.next(), nora, new RecordInsight("", null, List.of(), "direct",
                null, null))).sentence()).contains("needs a title").contains("at least one component");
        assertThat(refused(() -> learning.recordInsight(n.next(), nora, new RecordInsight("x", null, List.of("content"),
                "post-mortem", "item-404", null))).code()).isEqualTo(Code.NOT_FOUND);

        WorkItemId done = completedInitiative();
        ok(learning.writePostMortem(0L, n.next(), nora, new WritePostMortem(done.value(), "Clear brief", null, List.of())));
        String id = ok(learning.recordInsight(n.next(), nora, new RecordInsight("Legal needs a week", "Waited 6 days",
                List.of("messaging", "content"), "post-mortem", done.value(), null))).stream();
        Insight insight = learning.insight(id).orElseThrow();
        assertThat(insight.tags()).containsExactly("messaging", "content");
        assertThat(insight.sourceRef()).isEqualTo(done.value());
    }

    @Test
    void aFollowUpIsCreatedWithItsLinkInOneAppendAndRefusedWhenTheItemIsRefused() {
        String id = insight("Legal needs a week");
        Rejection missing = refused(() -> learning.createFollowUp(id, null, n.next(), nora, new CreateFollowUp(
                new CreateItem("campaign", "Legal-first webinar", Map.of(), null, null))));
        assertThat(missing.code()).isEqualTo(Code.INVALID_INPUT);

        Recorded item = ok(learning.createFollowUp(id, null, n.next(), nora, new CreateFollowUp(
                new CreateItem("campaign", "Legal-first webinar", Northwind.campaignBrief(), null, null))));
        assertThat(n.engine.item(new WorkItemId(item.stream()))).isPresent();
        assertThat(learning.insight(id).orElseThrow().followUps()).singleElement()
                .satisfies(f -> assertThat(f.item()).isEqualTo(item.stream()));
        assertThat(n.engine.store().read(id).get(1).event()).isInstanceOf(FollowUpCreated.class);
        assertThat(refused(() -> learning.createFollowUp("insight-404", null, n.next(), nora, new CreateFollowUp(
                new CreateItem("campaign", "x", Northwind.campaignBrief(), null, null)))).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    void anAcceptedChangeIsANewModelVersionWithTheLineAndADeclineNeedsAReason() {
        String id = insight("QA waits");
        String change = ok(learning.propose(id, n.next(), nora, new ProposeModelChange(new AddSla("campaign", "build", "3d"))))
                .stream();
        ModelChangeProposal open = learning.proposal(change).orElseThrow();
        assertThat(open.summary()).isEqualTo("Campaign › build: SLA 3d added");
        assertThat(open.baseVersion()).isEqualTo(1);

        ok(learning.accept(change, 1L, n.next(), grace, new AcceptModelChange()));
        assertThat(n.versions.current().orElseThrow().number()).isEqualTo(2);
        assertThat(n.versions.current().orElseThrow().source()).contains("        owner: demand-team\n        sla: 3d\n");
        assertThat(n.versions.current().orElseThrow().model().workType("campaign").orElseThrow().stage("build")
                .orElseThrow().sla().text()).isEqualTo("3d");
        ModelChangeProposal accepted = learning.proposal(change).orElseThrow();
        assertThat(accepted.status()).isEqualTo(Status.ACCEPTED);
        assertThat(accepted.acceptedAs()).isEqualTo(2);
        assertThat(accepted.decidedBy()).isEqualTo("grace.lindqvist");
        assertThat(refused(() -> learning.accept(change, null, n.next(), grace, new AcceptModelChange())).sentence())
                .startsWith("This change was accepted already by Grace Lindqvist");

        String other = ok(learning.propose(id, n.next(), nora, new ProposeModelChange(new AddApprover("campaign", "qa",
                "nora.haddad")))).stream();
        assertThat(refused(() -> learning.decline(other, null, n.next(), grace, new DeclineModelChange(" "))).sentence())
                .isEqualTo("Say why the change is declined: the reason is empty");
        ok(learning.decline(other, null, n.next(), grace, new DeclineModelChange("Jon covers QA alone")));
        assertThat(learning.proposal(other).orElseThrow().reason()).isEqualTo("Jon covers QA alone");
        assertThat(n.versions.current().orElseThrow().number()).as("a decline stores no version").isEqualTo(2);
    }

    @Test
    void aChangeProposedOnAnOlderVersionIsWrittenAgainOnTheCurrentOneOrRefusedWithTheReason() {
        String id = insight("QA and build");
        String build = ok(learning.propose(id, n.next(), nora, new ProposeModelChange(new AddSla("campaign", "build", "3d"))))
                .stream();
        String qa = ok(learning.propose(id, n.next(), nora, new ProposeModelChange(new AddApprover("campaign", "qa",
                "nora.haddad")))).stream();
        // version 2 drops QA (and assets), which the second proposal needs
        assertThat(n.versions.upload("b2b-saas.yaml", Examples.b2bSaasV2(), "dev.patel").version().number()).isEqualTo(2);

        Recorded accepted = ok(learning.accept(build, null, n.next(), grace, new AcceptModelChange()));
        ModelChangeAccepted event = (ModelChangeAccepted) accepted.events().get(0).event();
        assertThat(event.reapplied()).isTrue();
        assertThat(event.newVersion()).isEqualTo(3);
        assertThat(event.baseVersion()).isEqualTo(1);
        assertThat(n.versions.current().orElseThrow().source()).doesNotContain("id: qa").contains("sla: 3d");

        Rejection gone = refused(() -> learning.accept(qa, null, n.next(), grace, new AcceptModelChange()));
        assertThat(gone.code()).isEqualTo(Code.WRONG_STATE);
        assertThat(gone.sentence()).isEqualTo("It was proposed on model version 1; version 3 is current and the change no "
                + "longer applies to it: Campaign has no stage 'qa'; its stages are brief, brief-review, build, live, results."
                + " Decline it, or propose it again on version 3");
        assertThat(n.versions.current().orElseThrow().number()).isEqualTo(3);
    }

    @Test
    void aChangeThatDoesNotApplyIsNotProposed() {
        String id = insight("Brief review");
        assertThat(refused(() -> learning.propose(id, n.next(), nora, new ProposeModelChange(new AddSla("campaign",
                "brief-review", "2d")))).sentence()).isEqualTo("Campaign › brief-review has an SLA of 2d already; the change "
                + "would change nothing");
        assertThat(refused(() -> learning.propose("insight-404", n.next(), nora, new ProposeModelChange(new AddSla(
                "campaign", "build", "2d")))).code()).isEqualTo(Code.NOT_FOUND);
        assertThat(refused(() -> learning.recordInsight(n.next(), nora, new RecordInsight("Slow QA", null, List.of("channels"),
                "direct", null, new AddApprover("campaign", "qa", "nobody")))).sentence())
                .startsWith("The model has no person, team or function 'nobody'");
    }

    @Test
    void anInsightWithAChangeRecordsBothOrNeitherAndARetryRecordsNothingTwice() {
        Recorded r = ok(learning.recordInsight("key-1", nora, new RecordInsight("QA waits", null, List.of("channels"),
                "direct", null, new AddSla("campaign", "build", "3d"))));
        int after = events();
        assertThat(after).isEqualTo(n.engine.store().readAll(0, Integer.MAX_VALUE).size());
        Recorded again = ok(learning.recordInsight("key-1", nora, new RecordInsight("QA waits", null, List.of("channels"),
                "direct", null, new AddSla("campaign", "build", "3d"))));
        assertThat(again.replayed()).isTrue();
        assertThat(again.stream()).isEqualTo(r.stream());
        assertThat(events()).isEqualTo(after);
        assertThat(n.engine.store().readAll(0, Integer.MAX_VALUE).stream()
                .filter(e -> e.stream().startsWith(Learning.CHANGE_PREFIX)).count()).isEqualTo(1);
    }
}
