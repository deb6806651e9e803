package dev.baton.bench;

import dev.baton.engine.Actor;
import dev.baton.engine.item.WorkItemCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated work for the engine benchmarks: campaigns of {@code examples/b2b-saas.yaml} created
 * with a filled brief, and the commands that take one through its whole flow and back again —
 * a gated review with two approvers, QA, a handoff to Ops that is rejected once, completion and a
 * reopen. Every command in the loop is one the engine accepts, so a rejection means a bug.
 */
final class CampaignWorkload {

    record Step(Actor actor, WorkItemCommand command) {
    }

    static final List<Step> LOOP = List.of(
            step("nora.haddad", new WorkItemCommand.MoveTo("brief-review")),
            step("nora.haddad", new WorkItemCommand.RequestApproval()),
            step("nora.haddad", new WorkItemCommand.Approve(null)),
            step("maya.chen", new WorkItemCommand.Approve("Messaging matches the launch")),
            step("jon.ito", new WorkItemCommand.MoveTo("build")),
            step("jon.ito", new WorkItemCommand.Comment("Landing page is in review")),
            step("jon.ito", new WorkItemCommand.MoveTo("qa")),
            step("jon.ito", new WorkItemCommand.Approve("Links and tracking work")),
            step("jon.ito", new WorkItemCommand.MoveTo("live")),
            step("jon.ito", new WorkItemCommand.MoveTo("results")),
            step("dev.patel", new WorkItemCommand.RejectHandoff("The UTM plan has no campaign parameter")),
            step("nora.haddad", new WorkItemCommand.UpdateFields(Map.of("utm-plan",
                    "https://northwind.example/utm?utm_campaign=spring"))),
            step("jon.ito", new WorkItemCommand.HandOff(null)),
            step("dev.patel", new WorkItemCommand.AcceptHandoff()),
            step("dev.patel", new WorkItemCommand.Complete()),
            step("nora.haddad", new WorkItemCommand.Reopen("brief", "Second wave")));

    private CampaignWorkload() {
    }

    static WorkItemCommand.CreateItem campaign(int n) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("campaign-name", "Campaign " + n);
        fields.put("objective", "Pipeline from mid-market accounts");
        fields.put("segment", n % 2 == 0 ? "Mid-market SaaS" : "Enterprise fintech");
        fields.put("primary-metric", "pipeline");
        fields.put("channel-mix", List.of("email", "paid-social"));
        fields.put("start-date", "2026-04-01");
        fields.put("budget", 1000.0 + n);
        fields.put("landing-page", "https://northwind.example/c/" + n);
        fields.put("utm-plan", "https://northwind.example/utm/" + n);
        fields.put("reach", 100.0 * (n % 50 + 1));
        fields.put("impact", 2.0);
        fields.put("confidence", 80.0);
        fields.put("effort", 3.0);
        return new WorkItemCommand.CreateItem("campaign", "Campaign " + n, fields, null, null);
    }

    private static Step step(String person, WorkItemCommand command) {
        return new Step(new Actor(person), command);
    }
}
