package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.CommandResult.Recorded;
import dev.baton.engine.CommandResult.Rejected;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemCommand.AcceptHandoff;
import dev.baton.engine.item.WorkItemCommand.Approve;
import dev.baton.engine.item.WorkItemCommand.AssignOwner;
import dev.baton.engine.item.WorkItemCommand.Block;
import dev.baton.engine.item.WorkItemCommand.Comment;
import dev.baton.engine.item.WorkItemCommand.Complete;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemCommand.Deny;
import dev.baton.engine.item.WorkItemCommand.HandOff;
import dev.baton.engine.item.WorkItemCommand.MarkUrgent;
import dev.baton.engine.item.WorkItemCommand.MoveTo;
import dev.baton.engine.item.WorkItemCommand.RejectHandoff;
import dev.baton.engine.item.WorkItemCommand.Reopen;
import dev.baton.engine.item.WorkItemCommand.RequestApproval;
import dev.baton.engine.item.WorkItemCommand.SetPriorityInputs;
import dev.baton.engine.item.WorkItemCommand.Unblock;
import dev.baton.engine.item.WorkItemCommand.UpdateFields;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of the work-item lifecycle, one rejection code at a time, on the B2B SaaS example. */
class WorkItemRulesTest {

    final Northwind n = new Northwind();

    /** A campaign in brief review with a complete brief. */
    WorkItemId inBriefReview() {
        WorkItemId id = n.campaign(Northwind.campaignBrief());
        n.ok(id, "nora.haddad", new MoveTo("brief-review"));
        return id;
    }

    /** A launch in content review, with what the handoffs out of it need. */
    static WorkItemId launchInContentReview(Northwind n) {
        Map<String, Object> fields = Northwind.launchBrief();
        fields.putAll(Map.of("positioning", "Alerts before invoices", "messaging-doc", "https://nw.example/msg",
                "proof-points", List.of("Acme cut spend 20%"), "assets", List.of("blog", "deck"),
                "sales-deck", "https://nw.example/deck", "battlecard", "https://nw.example/bc",
                "faq", "https://nw.example/faq"));
        WorkItemId id = n.create("product-launch", fields);
        n.ok(id, "priya.raman", new MoveTo("positioning"));
        n.ok(id, "maya.chen", new AcceptHandoff());
        n.ok(id, "leo.okafor", new MoveTo("messaging-review"));
        n.ok(id, "maya.chen", new Approve(null));
        n.ok(id, "priya.raman", new Approve(null));
        n.ok(id, "leo.okafor", new MoveTo("content-production"));
        n.ok(id, "sam.rivera", new AcceptHandoff());
        n.ok(id, "sam.rivera", new MoveTo("content-review"));
        return id;
    }

    @Nested
    class NotFound {
        @Test
        void anUnknownItem() {
            Rejection r = n.rejected(new WorkItemId("item-nope"), "nora.haddad", new Comment("hello"));
            assertThat(r).isEqualTo(new Rejection(Code.NOT_FOUND, "There is no work item 'item-nope'"));
        }

        @Test
        void anUnknownStage() {
            WorkItemId id = n.campaign(Northwind.campaignBrief());
            assertThat(n.rejected(id, "nora.haddad", new MoveTo("launch"))).isEqualTo(new Rejection(Code.NOT_FOUND,
                    "A campaign has no stage 'launch'; its stages are brief, brief-review, build, qa, live, results"));
        }

        @Test
        void anUnknownWorkTypeOrParent() {
            CommandResult type = n.engine.create(null, "c1", new Actor("nora.haddad"),
                    new CreateItem("webinar", "Webinar", Map.of(), null, null));
            assertThat(((Rejected) type).rejection().code()).isEqualTo(Code.NOT_FOUND);
            assertThat(((Rejected) type).rejection().sentence()).startsWith("Northwind Analytics GTM has no work type "
                    + "'webinar'; it has asset, campaign");
            CommandResult parent = n.engine.create(null, "c2", new Actor("nora.haddad"),
                    new CreateItem("campaign", "Webinar", Map.of(), "item-404", null));
            assertThat(((Rejected) parent).rejection()).isEqualTo(new Rejection(Code.NOT_FOUND,
                    "There is no work item 'item-404' to put this under"));
            assertThat(n.engine.store().readAll(0, 10)).isEmpty();
        }
    }

    @Nested
    class InvalidInput {
        @Test
        void aNewItemNeedsItsTemplatesRequiredFields() {
            CommandResult r = n.engine.create(null, "c-required", new Actor("nora.haddad"),
                    new CreateItem("campaign", "Webinar", Map.of("campaign-name", "Spring webinars"), null, null));
            assertThat(((Rejected) r).rejection()).isEqualTo(new Rejection(Code.INVALID_INPUT, "A new campaign needs "
                    + "Objective, Segment, Primary metric, Channel mix, Start date, Reach, Impact, Confidence and Effort "
                    + "filled when it is created"));
            assertThat(n.engine.items(dev.baton.engine.item.ItemFilter.ALL)).isEmpty();
        }

        @Test
        void fieldsOfTheWrongTypeAreAllReportedAtOnce() {
            Map<String, Object> fields = new HashMap<>();
            fields.put("budget", "lots");
            fields.put("start-date", "next week");
            fields.put("primary-metric", "revenue");
            fields.put("campaign-owner", "someone");
            fields.put("landing-page", "not a link");
            fields.put("channel-mix", "email");
            fields.put("colour", "blue");
            CommandResult r = n.engine.create(null, "c1", new Actor("nora.haddad"),
                    new CreateItem("campaign", "Webinar", fields, null, null));
            Rejection rejection = ((Rejected) r).rejection();
            assertThat(rejection.code()).isEqualTo(Code.INVALID_INPUT);
            assertThat(rejection.sentence()).contains(
                    "Budget must be a number, not 'lots'",
                    "Start date must be a date like 2026-03-31, not 'next week'",
                    "Primary metric must be a metric of the model (pipeline, win-rate",
                    "Campaign owner must be a person of Northwind Analytics GTM",
                    "Landing page must be a link like https://example.com/brief, not 'not a link'",
                    "Channel mix must be a list of texts, not 'email'",
                    "'colour' is not a field of the Campaign brief");
        }

        @Test
        void anEnumOutsideItsValues() {
            WorkItemId id = n.create("product-launch", Map.of());
            assertThat(n.rejected(id, "priya.raman", new UpdateFields(Map.of("launch-tier", "tier-4"))))
                    .isEqualTo(new Rejection(Code.INVALID_INPUT,
                            "Launch tier must be one of tier-1, tier-2 or tier-3, not 'tier-4'"));
        }

        @Test
        void numbersAndDatesAreStoredInOneForm() {
            WorkItemId id = n.campaign(Map.of("budget", 12000, "start-date", "2026-04-01"));
            n.ok(id, "nora.haddad", new UpdateFields(Map.of("budget", "12500.5")));
            assertThat(n.state(id).fields()).containsEntry("budget", 12500.5).containsEntry("start-date", "2026-04-01");
        }

        @Test
        void reasonsAndCommentsCannotBeBlank() {
            WorkItemId id = inBriefReview();
            assertThat(n.rejected(id, "maya.chen", new Deny("  ")).sentence())
                    .isEqualTo("Denying Brief review needs a comment that says what to change");
            assertThat(n.rejected(id, "nora.haddad", new Block(null)).code()).isEqualTo(Code.INVALID_INPUT);
            assertThat(n.rejected(id, "nora.haddad", new Comment("")).code()).isEqualTo(Code.INVALID_INPUT);
            assertThat(n.rejected(id, "nora.haddad", new UpdateFields(Map.of())).code())
                    .isEqualTo(Code.INVALID_INPUT);
        }

        @Test
        void rejectingAHandoffNeedsAReason() {
            WorkItemId id = n.create("product-launch", Northwind.launchBrief());
            n.ok(id, "priya.raman", new MoveTo("positioning"));
            assertThat(n.rejected(id, "maya.chen", new RejectHandoff(null))).isEqualTo(new Rejection(
                    Code.INVALID_INPUT, "Rejecting a handoff needs a reason, so that Product management knows what to fix"));
        }

        @Test
        void aHandoffWithTwoWaysOutNeedsTheStageNamed() {
            WorkItemId id = launchInContentReview(n);
            n.ok(id, "leo.okafor", new Approve(null));
            assertThat(n.rejected(id, "sam.rivera", new HandOff(null))).isEqualTo(new Rejection(Code.INVALID_INPUT,
                    "From Content review work is handed off to Legal review or Campaign build; name the stage"));
            n.ok(id, "sam.rivera", new HandOff("campaign-build"));
            assertThat(n.state(id).pendingHandoff().toFunction()).isEqualTo("demand-gen");
        }

        @Test
        void priorityInputsMustBeTheSchemesOwn() {
            WorkItemId id = n.campaign(Map.of());
            assertThat(n.rejected(id, "nora.haddad", new SetPriorityInputs(Map.of("value", 3.0))).sentence())
                    .isEqualTo("'value' is not an input of rice (reach, impact, confidence, effort)");
            assertThat(n.rejected(id, "nora.haddad", new SetPriorityInputs(Map.of("reach", -1.0))).sentence())
                    .isEqualTo("reach must be a number of at least 0, not -1.0");
            n.ok(id, "nora.haddad", new SetPriorityInputs(Map.of("reach", 4000.0, "effort", 2.0)));
            assertThat(n.state(id).priorityInputs()).containsEntry("reach", 4000.0);
        }

        @Test
        void theOwnerIsOnePersonOfTheModel() {
            WorkItemId id = n.campaign(Map.of());
            assertThat(n.rejected(id, "nora.haddad", new AssignOwner("demand-gen"))).isEqualTo(new Rejection(
                    Code.INVALID_INPUT, "The accountable owner must be one person of Northwind Analytics GTM, not 'demand-gen'"));
        }

        @Test
        void aChildGoesUnderTheParentItsWorkTypeNames() {
            WorkItemId asset = n.create("asset", Map.of());
            CommandResult r = n.engine.create(null, "c1", new Actor("nora.haddad"),
                    new CreateItem("campaign", "Webinar", Northwind.campaignBrief(), asset.value(), null));
            assertThat(((Rejected) r).rejection()).isEqualTo(new Rejection(Code.INVALID_INPUT,
                    "A campaign belongs under a marketing initiative, not under a content asset"));
            WorkItemId initiative = n.create("initiative", Map.of());
            CommandResult child = n.engine.create(null, "c2", new Actor("nora.haddad"),
                    new CreateItem("campaign", "Webinar", Northwind.campaignBrief(), initiative.value(), null));
            assertThat(n.state(new WorkItemId(((Recorded) child).stream())).parent()).isEqualTo(initiative.value());
        }

        @Test
        void aCommandIdBelongsToOneItem() {
            WorkItemId a = n.campaign(Map.of());
            WorkItemId b = n.campaign(Map.of());
            n.engine.handle(a, null, "same-id", new Actor("nora.haddad"), new Comment("first"));
            CommandResult r = n.engine.handle(b, null, "same-id", new Actor("nora.haddad"), new Comment("second"));
            assertThat(((Rejected) r).rejection().code()).isEqualTo(Code.INVALID_INPUT);
            assertThat(((Rejected) r).rejection().sentence()).startsWith("The command id 'same-id' was already used for "
                    + a.value());
        }
    }

    @Nested
    class NotAllowed {
        @Test
        void onlyPeopleOfTheModelChangeWork() {
            WorkItemId id = n.campaign(Map.of());
            assertThat(n.rejected(id, "mallory", new Comment("hi"))).isEqualTo(new Rejection(Code.NOT_ALLOWED,
                    "'mallory' is not a person of Northwind Analytics GTM, so they can't change work"));
        }

        @Test
        void onlyGateApproversApproveOrDeny() {
            WorkItemId id = inBriefReview();
            assertThat(n.rejected(id, "jon.ito", new Approve(null))).isEqualTo(new Rejection(Code.NOT_ALLOWED,
                    "Only Nora Haddad or Maya Chen can approve Brief review; Jon Ito holds no approval right here"));
            assertThat(n.rejected(id, "grace.lindqvist", new Deny("No")).code()).isEqualTo(Code.NOT_ALLOWED);
            // Baton itself holds no decision right.
            assertThat(n.rejected(id, "baton", new Approve(null)).code()).isEqualTo(Code.NOT_ALLOWED);
        }

        @Test
        void onlyTheReceivingFunctionAcceptsOrRejectsAHandoff() {
            WorkItemId id = n.create("product-launch", Northwind.launchBrief());
            n.ok(id, "priya.raman", new MoveTo("positioning"));
            assertThat(n.rejected(id, "priya.raman", new AcceptHandoff())).isEqualTo(new Rejection(Code.NOT_ALLOWED,
                    "Only someone from Product marketing can accept or reject this handoff; Priya Raman is not"));
            assertThat(n.rejected(id, "sam.rivera", new RejectHandoff("no")).code()).isEqualTo(Code.NOT_ALLOWED);
            // Anyone of the function may: Leo is in PMM without being named anywhere on the stage.
            n.ok(id, "leo.okafor", new AcceptHandoff());
            assertThat(n.state(id).stage()).isEqualTo("positioning");
        }
    }

    @Nested
    class TransitionNotAllowed {
        @Test
        void stagesCannotBeSkipped() {
            WorkItemId id = n.campaign(Northwind.campaignBrief());
            assertThat(n.rejected(id, "nora.haddad", new MoveTo("live"))).isEqualTo(new Rejection(
                    Code.TRANSITION_NOT_ALLOWED, "A campaign can't go from Brief to Live; from Brief it can go to Brief review"));
        }

        @Test
        void workCompletesOnlyInAFinalStage() {
            WorkItemId id = n.campaign(Map.of());
            assertThat(n.rejected(id, "nora.haddad", new Complete())).isEqualTo(new Rejection(
                    Code.TRANSITION_NOT_ALLOWED, "A campaign is completed in Results, not in Brief"));
        }

        @Test
        void handingOffNeedsADeclaredHandoff() {
            WorkItemId id = n.campaign(Northwind.campaignBrief());
            assertThat(n.rejected(id, "nora.haddad", new HandOff(null))).isEqualTo(new Rejection(
                    Code.TRANSITION_NOT_ALLOWED, "No handoff is declared out of Brief; move the campaign instead"));
        }

        @Test
        void reworkAndSkipsFollowTheDeclaredFlow() {
            WorkItemId id = inBriefReview();
            // Back to the author: a declared rework transition, which needs no approval.
            Recorded back = n.ok(id, "nora.haddad", new MoveTo("brief"));
            assertThat(back.events().get(0).event()).isEqualTo(new WorkItemEvent.StageEntered("brief-review", "brief", true));
            WorkItemId asset = n.create("asset", Map.of("asset-type", "blog-post", "audience-note", "Admins",
                    "key-message", "Alerts first", "call-to-action", "Start a trial", "due-date", "2026-04-01",
                    "draft-link", "https://nw.example/d", "final-link", "https://nw.example/f"));
            n.ok(asset, "sam.rivera", new MoveTo("brief"));
            n.ok(asset, "sam.rivera", new MoveTo("draft"));
            n.ok(asset, "ines.duarte", new MoveTo("review"));
            n.ok(asset, "sam.rivera", new Approve(null));
            n.ok(asset, "maya.chen", new Approve(null));
            // design is optional: review -> publish is a skip the flow allows.
            n.ok(asset, "sam.rivera", new MoveTo("publish"));
            n.ok(asset, "ines.duarte", new Complete());
            assertThat(n.state(asset).completed()).isTrue();
        }
    }

    @Nested
    class ExitCriteriaMissing {
        @Test
        void aStageIsLeftOnlyWithItsExitFieldsFilled() {
            // Created with its brief complete (required at creation), then emptied again.
            WorkItemId id = n.campaign(Map.of());
            Map<String, Object> emptied = new java.util.HashMap<>();
            for (String field : List.of("segment", "primary-metric", "channel-mix", "start-date")) {
                emptied.put(field, null);
            }
            n.ok(id, "nora.haddad", new UpdateFields(emptied));
            assertThat(n.rejected(id, "nora.haddad", new MoveTo("brief-review"))).isEqualTo(new Rejection(
                    Code.EXIT_CRITERIA_MISSING, "Brief needs Segment, Primary metric, Channel mix and Start date "
                            + "filled before Brief review; they are empty"));
        }

        @Test
        void completingChecksTheFinalStagesExitFields() {
            WorkItemId id = n.create("asset", Map.of("asset-type", "blog-post", "audience-note", "Admins",
                    "key-message", "Alerts first", "call-to-action", "Start a trial", "due-date", "2026-04-01",
                    "draft-link", "https://nw.example/d"));
            n.ok(id, "sam.rivera", new MoveTo("brief"));
            n.ok(id, "sam.rivera", new MoveTo("draft"));
            n.ok(id, "ines.duarte", new MoveTo("review"));
            n.ok(id, "sam.rivera", new Approve(null));
            n.ok(id, "maya.chen", new Approve(null));
            n.ok(id, "sam.rivera", new MoveTo("publish"));
            assertThat(n.rejected(id, "ines.duarte", new Complete())).isEqualTo(new Rejection(
                    Code.EXIT_CRITERIA_MISSING, "Publish needs Final link filled before it is completed; it is empty"));
        }
    }

    @Nested
    class ApprovalMissing {
        @Test
        void allApproversMustApproveAndADenialStartsOver() {
            WorkItemId id = inBriefReview();
            n.ok(id, "maya.chen", new Approve("Good"));
            assertThat(n.rejected(id, "nora.haddad", new MoveTo("build"))).isEqualTo(new Rejection(
                    Code.APPROVAL_MISSING, "Brief review needs approval from Nora Haddad and Maya Chen before Build; "
                            + "Nora Haddad has not approved"));
            n.ok(id, "nora.haddad", new Deny("The segment is too broad"));
            assertThat(n.state(id).approvals().granted()).isEmpty();
            n.ok(id, "nora.haddad", new Approve(null));
            assertThat(n.rejected(id, "nora.haddad", new MoveTo("build")).sentence())
                    .endsWith("Maya Chen has not approved");
            n.ok(id, "maya.chen", new Approve(null));
            n.ok(id, "nora.haddad", new MoveTo("build"));
        }

        @Test
        void aGateGivenToAFunctionWaitsForAnyoneFromIt() {
            Northwind legal = new Northwind(Examples.text("b2b-saas.yaml")
                    .replace("gate: { approvers: [elena.fischer], mode: any }", "gate: { approvers: [legal], mode: any }")
                    .replace("\n  - { id: elena.fischer,   name: Elena Fischer,   function: legal,      capacity: 4h/week }",
                            "\n  - { id: elena.fischer,   name: Elena Fischer,   function: legal,      capacity: 4h/week }"
                                    + "\n  - { id: omar.haddad,     name: Omar Haddad,     function: legal }"));
            WorkItemId id = launchInContentReview(legal);
            legal.ok(id, "maya.chen", new Approve(null));
            legal.ok(id, "sam.rivera", new HandOff("legal-review"));
            legal.ok(id, "elena.fischer", new AcceptHandoff());
            assertThat(legal.rejected(id, "elena.fischer", new MoveTo("campaign-build"))).isEqualTo(new Rejection(
                    Code.APPROVAL_MISSING, "Legal review needs approval from Legal before Campaign build; "
                            + "nobody from Legal has approved"));
            legal.ok(id, "omar.haddad", new Approve("Claims are substantiated"));
            assertThat(legal.state(id).approvals().granted()).containsExactly("legal");
            legal.ok(id, "elena.fischer", new MoveTo("campaign-build"));
            assertThat(legal.state(id).pendingHandoff().toFunction()).isEqualTo("demand-gen");
        }

        @Test
        void anAnyGateNeedsOneApprovalOfSeveral() {
            WorkItemId id = launchInContentReview(n);
            assertThat(n.rejected(id, "sam.rivera", new MoveTo("campaign-build"))).isEqualTo(new Rejection(
                    Code.APPROVAL_MISSING, "Content review needs approval from Leo Okafor or Maya Chen before Campaign "
                            + "build; nobody has approved yet"));
            n.ok(id, "leo.okafor", new Approve(null));
            n.ok(id, "sam.rivera", new MoveTo("campaign-build"));
        }
    }

    @Nested
    class HandoffContract {
        @Test
        void aHandoffIsSentOnlyWithItsContractMet() {
            WorkItemId id = n.campaign(Map.of());
            n.ok(id, "nora.haddad", new UpdateFields(Northwind.campaignBrief()));
            n.ok(id, "nora.haddad", new MoveTo("brief-review"));
            n.ok(id, "nora.haddad", new Approve(null));
            n.ok(id, "maya.chen", new Approve(null));
            n.ok(id, "jon.ito", new MoveTo("build"));
            n.ok(id, "jon.ito", new UpdateFields(Map.of("landing-page", "https://nw.example/l",
                    "utm-plan", "https://nw.example/u")));
            n.ok(id, "jon.ito", new MoveTo("qa"));
            n.ok(id, "jon.ito", new Approve(null));
            n.ok(id, "jon.ito", new MoveTo("live"));
            Map<String, Object> clear = new HashMap<>();
            clear.put("utm-plan", null);
            n.ok(id, "jon.ito", new UpdateFields(clear));
            assertThat(n.rejected(id, "jon.ito", new MoveTo("results"))).isEqualTo(new Rejection(
                    Code.HANDOFF_CONTRACT, "Demand generation can't hand this over to Marketing & revenue operations "
                            + "yet: the handoff needs UTM plan and Budget, which are empty"));
        }
    }

    @Nested
    class WrongState {
        @Test
        void aBlockedItemDoesNotMoveUntilUnblocked() {
            WorkItemId id = n.campaign(Northwind.campaignBrief());
            n.ok(id, "nora.haddad", new Block("Waiting for the Q2 budget"));
            assertThat(n.rejected(id, "nora.haddad", new MoveTo("brief-review"))).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "This campaign is blocked (Waiting for the Q2 budget); unblock it first"));
            assertThat(n.rejected(id, "nora.haddad", new Block("again")).code()).isEqualTo(Code.WRONG_STATE);
            assertThat(n.engine.items(new dev.baton.engine.item.ItemFilter(null, null, null, true, null, null)))
                    .extracting(i -> i.id()).containsExactly(id);
            n.ok(id, "nora.haddad", new Unblock("Budget approved"));
            assertThat(n.rejected(id, "nora.haddad", new Unblock(null)).sentence())
                    .isEqualTo("This campaign is not blocked");
            n.ok(id, "nora.haddad", new MoveTo("brief-review"));
        }

        @Test
        void aCompletedItemOnlyReopensOrTakesComments() {
            WorkItemId id = n.create("initiative", Map.of());
            n.ok(id, "grace.lindqvist", new MoveTo("prioritization"));
            n.ok(id, "grace.lindqvist", new MoveTo("in-flight"));
            n.ok(id, "grace.lindqvist", new MoveTo("results-review"));
            n.ok(id, "grace.lindqvist", new Complete());
            assertThat(n.rejected(id, "grace.lindqvist", new MarkUrgent("now"))).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "This marketing initiative is completed; reopen it first"));
            assertThat(n.rejected(id, "grace.lindqvist", new Complete()).code()).isEqualTo(Code.WRONG_STATE);
            n.ok(id, "grace.lindqvist", new Comment("Post-mortem: pipeline came in at 80% of target"));
            Recorded reopened = n.ok(id, "grace.lindqvist", new Reopen("in-flight", "Second wave"));
            assertThat(reopened.events()).extracting(e -> e.event()).containsExactly(
                    new WorkItemEvent.ItemReopened("in-flight", "Second wave"),
                    new WorkItemEvent.StageEntered("results-review", "in-flight", true));
            assertThat(n.state(id).completed()).isFalse();
            assertThat(n.rejected(id, "grace.lindqvist", new Reopen(null, null))).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "This marketing initiative is not completed, so it can't be reopened"));
        }

        @Test
        void anItemWaitingForAHandoffStaysPut() {
            WorkItemId id = n.create("product-launch", Northwind.launchBrief());
            n.ok(id, "priya.raman", new MoveTo("positioning"));
            assertThat(n.state(id).stage()).isEqualTo("brief");
            assertThat(n.rejected(id, "priya.raman", new MoveTo("positioning"))).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "This product launch is waiting for Product marketing to accept the handoff to "
                            + "Positioning"));
            n.ok(id, "maya.chen", new RejectHandoff("No problem statement we can position"));
            assertThat(n.rejected(id, "maya.chen", new AcceptHandoff())).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "This product launch has no handoff waiting to be accepted"));
        }

        @Test
        void approvalsNeedAGateAndCountOncePerApprover() {
            WorkItemId id = n.campaign(Northwind.campaignBrief());
            assertThat(n.rejected(id, "nora.haddad", new Approve(null))).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "Brief has no approval gate, so there is nothing to approve"));
            assertThat(n.rejected(id, "nora.haddad", new RequestApproval()).code()).isEqualTo(Code.WRONG_STATE);
            n.ok(id, "nora.haddad", new MoveTo("brief-review"));
            n.ok(id, "nora.haddad", new RequestApproval());
            assertThat(n.rejected(id, "nora.haddad", new RequestApproval())).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "Approval of Brief review was already requested; waiting for Nora Haddad or Maya Chen"));
            n.ok(id, "nora.haddad", new Approve(null));
            assertThat(n.rejected(id, "nora.haddad", new Approve(null))).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "Nora Haddad already approved Brief review"));
            n.ok(id, "maya.chen", new Approve(null));
            assertThat(n.rejected(id, "maya.chen", new Approve(null))).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "Brief review is already approved by Nora Haddad and Maya Chen"));
        }

        @Test
        void urgencyAndOwnershipAreNotRecordedTwice() {
            WorkItemId id = n.campaign(Map.of());
            n.ok(id, "nora.haddad", new MarkUrgent("Board meeting"));
            assertThat(n.rejected(id, "nora.haddad", new MarkUrgent("again")).code()).isEqualTo(Code.WRONG_STATE);
            n.ok(id, "nora.haddad", new AssignOwner("jon.ito"));
            assertThat(n.rejected(id, "nora.haddad", new AssignOwner("jon.ito"))).isEqualTo(new Rejection(
                    Code.WRONG_STATE, "Jon Ito already owns this campaign"));
            assertThat(n.state(id)).satisfies(s -> {
                assertThat(s.urgent()).isTrue();
                assertThat(s.owner()).isEqualTo("jon.ito");
            });
        }

        @Test
        void anItemIdIsCreatedOnce() {
            WorkItemId id = n.campaign(Map.of());
            CommandResult again = n.engine.create(id, "other", new Actor("nora.haddad"),
                    new CreateItem("campaign", "Again", Northwind.campaignBrief(), null, null));
            assertThat(((Rejected) again).rejection()).isEqualTo(new Rejection(Code.WRONG_STATE,
                    "There is already a work item '" + id + "'"));
        }
    }

    @Nested
    class StaleVersion {
        @Test
        void aCommandBasedOnAnOldVersionIsRejectedWithTheCurrentOne() {
            WorkItemId id = n.campaign(Map.of());
            n.ok(id, "nora.haddad", new Comment("first"));
            assertThat(n.rejected(id, 1L, "jon.ito", new Comment("based on version 1"))).isEqualTo(new Rejection(
                    Code.STALE_VERSION, "Someone changed this item while you were looking at it (it is at version 2, "
                            + "you saw version 1); reload it and try again"));
            CommandResult r = n.engine.handle(id, 1L, "x", new Actor("jon.ito"), new Comment("again"));
            assertThat(r.version()).isEqualTo(2);
            assertThat(n.engine.handle(id, 2L, "y", new Actor("jon.ito"), new Comment("current")).rejected()).isFalse();
        }
    }

    @Test
    void aRetriedCommandRecordsItsEventsOnce() {
        WorkItemId id = n.campaign(Map.of());
        CommandResult first = n.engine.handle(id, 1L, "retry-me", new Actor("nora.haddad"), new Comment("once"));
        CommandResult retry = n.engine.handle(id, 1L, "retry-me", new Actor("nora.haddad"), new Comment("once"));
        assertThat(((Recorded) first).replayed()).isFalse();
        assertThat(((Recorded) retry).replayed()).isTrue();
        assertThat(((Recorded) retry).events()).isEqualTo(((Recorded) first).events());
        assertThat(n.engine.history(id)).hasSize(2);
    }

    @Test
    void aRetriedCreateWithoutAnIdCreatesOneItem() {
        CreateItem create = new CreateItem("campaign", "Webinar", Northwind.campaignBrief(), null, null);
        Recorded first = (Recorded) n.engine.create(null, "create-1", new Actor("nora.haddad"), create);
        Recorded retry = (Recorded) n.engine.create(null, "create-1", new Actor("nora.haddad"), create);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.stream()).isEqualTo(first.stream());
        assertThat(n.engine.items(dev.baton.engine.item.ItemFilter.ALL)).hasSize(1);
        assertThat(n.engine.store().readAll(0, 10)).hasSize(1);
    }

    @Test
    void aRetryThatWouldNowBeRefusedStillAnswersWithItsEvents() {
        WorkItemId id = n.campaign(Northwind.campaignBrief());
        Recorded moved = (Recorded) n.engine.handle(id, 1L, "move-1", new Actor("nora.haddad"), new MoveTo("brief-review"));
        // Sent again, the move is stale and would be refused ("already in Brief review"), but it is a retry.
        CommandResult retry = n.engine.handle(id, 1L, "move-1", new Actor("nora.haddad"), new MoveTo("brief-review"));
        assertThat(((Recorded) retry).replayed()).isTrue();
        assertThat(((Recorded) retry).events()).isEqualTo(moved.events());
        assertThat(n.engine.history(id)).hasSize(2);
    }

    @Test
    void noModelNoWork() {
        Engine empty = Engine.inMemory(dev.baton.engine.version.ModelVersions.inMemory(n.clock), n.clock);
        CommandResult r = empty.create(null, "c", new Actor("nora.haddad"), new CreateItem("campaign", "x", Map.of(),
                null, null));
        assertThat(((Rejected) r).rejection()).isEqualTo(new Rejection(Code.WRONG_STATE,
                "No operating model has been uploaded yet; upload one before creating work"));
    }
}
