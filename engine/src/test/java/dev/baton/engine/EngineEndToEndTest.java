package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.CommandResult.Recorded;
import dev.baton.engine.CommandResult.Rejected;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeCommand;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.intake.QueuedRequest;
import dev.baton.engine.intake.RequestId;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A campaign request on the B2B SaaS example, from intake to completion: submitted, accepted
 * into a campaign, through the gated brief review (a wrong approver refused), QA, and across
 * the declared handoff from Demand Gen to Ops, which Ops first rejects and then accepts.
 */
class EngineEndToEndTest {

    private final TestClock clock = new TestClock();
    private final Engine engine = Engine.inMemory(Examples.versions("b2b-saas.yaml", clock), clock);
    private int commands;

    @Test
    void aCampaignRequestBecomesACompletedCampaign() {
        Map<String, Object> brief = Northwind.campaignBrief();
        brief.put("reach", 4000);
        brief.put("impact", 2);
        brief.put("confidence", 80);
        brief.put("effort", 5);
        RequestId request = new RequestId("request-1");
        recorded(engine.submit(request, next(), actor("maya.chen"),
                new IntakeCommand.SubmitRequest("campaign-request", "Spring webinars", brief)));

        List<QueuedRequest> queue = engine.queue();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).score().value()).isEqualTo(1280.0);
        assertThat(queue.get(0).score().formula())
                .isEqualTo("RICE = reach 4000 × impact 2 × confidence 0.8 / effort 5 = 1280");

        Recorded accepted = recorded(engine.decide(request, 1L, next(), actor("nora.haddad"),
                new IntakeCommand.AcceptRequest("Fits the Q2 pipeline plan")));
        String itemId = ((IntakeEvent.RequestAccepted) accepted.events().get(0).event()).itemId();
        WorkItemId item = new WorkItemId(itemId);
        assertThat(engine.queue()).isEmpty();
        assertThat(engine.item(item)).get().satisfies(i -> {
            assertThat(i.stage()).isEqualTo("brief");
            assertThat(i.fromRequest()).isEqualTo("request-1");
            assertThat(i.fields()).containsEntry("reach", 4000.0).containsEntry("start-date", "2026-04-01");
        });

        on(item, "nora.haddad", new WorkItemCommand.AssignOwner("nora.haddad"));
        on(item, "nora.haddad", new WorkItemCommand.MoveTo("brief-review"));
        on(item, "nora.haddad", new WorkItemCommand.RequestApproval());
        assertThat(rejected(item, "nora.haddad", new WorkItemCommand.MoveTo("build")).sentence())
                .isEqualTo("Brief review needs approval from Nora Haddad and Maya Chen before Build; "
                        + "Nora Haddad and Maya Chen have not approved");

        Rejection wrong = rejected(item, "alex.morgan", new WorkItemCommand.Approve("LGTM"));
        assertThat(wrong.code()).isEqualTo(Code.NOT_ALLOWED);
        assertThat(wrong.sentence()).isEqualTo(
                "Only Nora Haddad or Maya Chen can approve Brief review; Alex Morgan holds no approval right here");

        on(item, "nora.haddad", new WorkItemCommand.Approve(null));
        on(item, "maya.chen", new WorkItemCommand.Approve("Messaging matches the launch"));
        on(item, "jon.ito", new WorkItemCommand.MoveTo("build"));
        assertThat(rejected(item, "jon.ito", new WorkItemCommand.MoveTo("qa")).code())
                .isEqualTo(Code.EXIT_CRITERIA_MISSING);
        on(item, "jon.ito", new WorkItemCommand.UpdateFields(Map.of(
                "landing-page", "https://northwind.example/webinars", "utm-plan", "https://northwind.example/utm")));
        on(item, "jon.ito", new WorkItemCommand.MoveTo("qa"));
        on(item, "jon.ito", new WorkItemCommand.Approve("Links and tracking work"));
        on(item, "jon.ito", new WorkItemCommand.MoveTo("live"));

        Rejection contract = rejected(item, "jon.ito", new WorkItemCommand.MoveTo("results"));
        assertThat(contract.code()).isEqualTo(Code.HANDOFF_CONTRACT);
        assertThat(contract.sentence()).isEqualTo(
                "Demand generation can't hand this over to Marketing & revenue operations yet: "
                        + "the handoff needs Budget, which is empty");
        on(item, "nora.haddad", new WorkItemCommand.UpdateFields(Map.of("budget", 12000)));
        on(item, "jon.ito", new WorkItemCommand.MoveTo("results"));
        assertThat(engine.item(item)).get().satisfies(i -> {
            assertThat(i.stage()).isEqualTo("live");
            assertThat(i.pendingHandoff()).isNotNull();
        });
        assertThat(rejected(item, "jon.ito", new WorkItemCommand.AcceptHandoff()).code())
                .isEqualTo(Code.NOT_ALLOWED);
        on(item, "dev.patel", new WorkItemCommand.RejectHandoff("The UTM plan has no campaign parameter"));
        assertThat(engine.item(item)).get().extracting(WorkItem::stage, WorkItem::pendingHandoff)
                .containsExactly("live", null);
        on(item, "jon.ito", new WorkItemCommand.UpdateFields(Map.of("utm-plan",
                "https://northwind.example/utm?utm_campaign=spring-webinars")));
        on(item, "jon.ito", new WorkItemCommand.HandOff(null));
        on(item, "dev.patel", new WorkItemCommand.AcceptHandoff());
        on(item, "dev.patel", new WorkItemCommand.Complete());

        WorkItem done = engine.item(item).orElseThrow();
        assertThat(done.completed()).isTrue();
        assertThat(done.stage()).isEqualTo("results");

        List<RecordedEvent> log = engine.store().readAll(0, 1000);
        assertThat(log).extracting(e -> e.stream() + " " + e.type() + " " + e.actor()).containsExactly(
                "request-1 RequestSubmitted maya.chen",
                itemId + " ItemCreated nora.haddad",
                "request-1 RequestAccepted nora.haddad",
                itemId + " OwnerAssigned nora.haddad",
                itemId + " StageEntered nora.haddad",
                itemId + " ApprovalRequested nora.haddad",
                itemId + " ApprovalGranted nora.haddad",
                itemId + " ApprovalGranted maya.chen",
                itemId + " StageEntered jon.ito",
                itemId + " FieldsUpdated jon.ito",
                itemId + " StageEntered jon.ito",
                itemId + " ApprovalGranted jon.ito",
                itemId + " StageEntered jon.ito",
                itemId + " FieldsUpdated nora.haddad",
                itemId + " HandoffSent jon.ito",
                itemId + " HandoffRejected dev.patel",
                itemId + " FieldsUpdated jon.ito",
                itemId + " HandoffSent jon.ito",
                itemId + " HandoffAccepted dev.patel",
                itemId + " StageEntered dev.patel",
                itemId + " ItemCompleted dev.patel");
        assertThat(engine.history(item)).extracting(RecordedEvent::event).filteredOn(
                e -> e instanceof WorkItemEvent.StageEntered).containsExactly(
                new WorkItemEvent.StageEntered("brief", "brief-review", false),
                new WorkItemEvent.StageEntered("brief-review", "build", false),
                new WorkItemEvent.StageEntered("build", "qa", false),
                new WorkItemEvent.StageEntered("qa", "live", false),
                new WorkItemEvent.StageEntered("live", "results", false));
        assertThat(engine.history(item)).extracting(RecordedEvent::event)
                .contains(new WorkItemEvent.HandoffRejected("live", "results",
                        "The UTM plan has no campaign parameter"));
        assertThat(log).allSatisfy(e -> {
            assertThat(e.workType()).isEqualTo("campaign");
            assertThat(e.modelVersion()).isEqualTo(1);
        });
        assertThat(log.get(log.size() - 1).at()).isEqualTo(clock.instant());
    }

    private String next() {
        clock.advance(Duration.ofMinutes(30));
        return "cmd-" + ++commands;
    }

    private static Actor actor(String person) {
        return new Actor(person);
    }

    private void on(WorkItemId item, String person, WorkItemCommand command) {
        recorded(engine.handle(item, null, next(), actor(person), command));
    }

    private Rejection rejected(WorkItemId item, String person, WorkItemCommand command) {
        long before = engine.store().readAll(0, 1000).size();
        CommandResult result = engine.handle(item, null, next(), actor(person), command);
        assertThat(result).isInstanceOf(Rejected.class);
        assertThat(engine.store().readAll(0, 1000)).hasSize((int) before);
        return ((Rejected) result).rejection();
    }

    private static Recorded recorded(CommandResult result) {
        assertThat(result).as("%s", result).isInstanceOf(Recorded.class);
        return (Recorded) result;
    }
}
