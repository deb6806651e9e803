package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.item.WorkItemCommand.Approve;
import dev.baton.engine.item.WorkItemCommand.Complete;
import dev.baton.engine.item.WorkItemCommand.MoveTo;
import dev.baton.engine.item.WorkItemCommand.UpdateFields;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.migration.ItemMigration;
import dev.baton.engine.migration.ItemMigration.Status;
import dev.baton.engine.migration.MigrationPlan;
import dev.baton.engine.migration.MigrationProblem;
import dev.baton.engine.migration.MigrationProblem.Kind;
import dev.baton.engine.migration.MigrationRefusal.Reason;
import dev.baton.engine.migration.MigrationRequest;
import dev.baton.engine.migration.MigrationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migrating work in flight from model version 1 to version 2 ({@link Examples#b2bSaasV2()}:
 * campaigns lose QA and need a budget before leaving build, assets are gone, launches lose
 * tier-3): which items move where, every refusal with its typed reason, and that the engine then
 * decides a migrated item's commands against version 2.
 */
class MigrationTest {

    private final Northwind n = new Northwind();
    private WorkItemId withBudget;
    private WorkItemId withoutBudget;
    private WorkItemId inBrief;
    private WorkItemId done;
    private WorkItemId asset;
    private WorkItemId tier3;
    private WorkItemId handingOver;

    @BeforeEach
    void versionOneWorkThenVersionTwo() {
        withBudget = campaignInQa(12000.0);
        withoutBudget = campaignInQa(null);
        inBrief = n.campaign(Northwind.campaignBrief());
        done = n.create("initiative", Map.of());
        for (String stage : List.of("prioritization", "in-flight", "results-review")) {
            n.ok(done, "grace.lindqvist", new MoveTo(stage));
        }
        n.ok(done, "grace.lindqvist", new Complete());
        asset = n.create("asset", Map.of());
        Map<String, Object> brief = new LinkedHashMap<>(Northwind.launchBrief());
        brief.put("launch-tier", "tier-3");
        tier3 = n.create("product-launch", brief);
        handingOver = n.create("product-launch", Northwind.launchBrief());
        n.ok(handingOver, "priya.raman", new MoveTo("positioning"));
        assertThat(n.versions.upload("b2b-saas.yaml", Examples.b2bSaasV2(), "dev.patel").version().number()).isEqualTo(2);
    }

    private WorkItemId campaignInQa(Double budget) {
        WorkItemId id = n.campaign(Northwind.campaignBrief());
        n.ok(id, "nora.haddad", new MoveTo("brief-review"));
        n.ok(id, "nora.haddad", new Approve(null));
        n.ok(id, "maya.chen", new Approve(null));
        n.ok(id, "jon.ito", new MoveTo("build"));
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("landing-page", "https://nw.example/l",
                "utm-plan", "https://nw.example/u"));
        if (budget != null) {
            fields.put("budget", budget);
        }
        n.ok(id, "jon.ito", new UpdateFields(fields));
        n.ok(id, "jon.ito", new MoveTo("qa"));
        return id;
    }

    private static MigrationRequest request(String... map) {
        return new MigrationRequest(1, 2, List.of(map), null);
    }

    private static ItemMigration of(MigrationPlan plan, WorkItemId id) {
        return plan.items().stream().filter(i -> i.item().equals(id.value())).findFirst().orElseThrow();
    }

    @Test
    void thePreviewSaysWhereEachOpenItemGoesAndWhyOthersStay() {
        int before = n.engine.store().readAll(0, Integer.MAX_VALUE).size();
        MigrationPlan plan = n.engine.planMigration(request("qa=live"));

        assertThat(plan.valid()).isTrue();
        assertThat(of(plan, withBudget)).extracting(ItemMigration::status, ItemMigration::fromStage, ItemMigration::toStage)
                .containsExactly(Status.MOVES, "qa", "live");
        assertThat(of(plan, inBrief)).extracting(ItemMigration::status, ItemMigration::toStage)
                .containsExactly(Status.MOVES, "brief");
        assertThat(of(plan, withoutBudget).refusal().reason()).isEqualTo(Reason.REQUIRED_FIELD_MISSING);
        assertThat(of(plan, withoutBudget).refusal().sentence()).isEqualTo("Campaign 'A campaign' (" + withoutBudget
                + ") can't be in Live of version 2 without Budget (the exit criteria of Build there); it is empty: "
                + "fill it first or map the stage to an earlier one");
        assertThat(of(plan, asset).refusal().reason()).isEqualTo(Reason.WORK_TYPE_MISSING);
        assertThat(of(plan, asset).refusal().sentence()).startsWith("Version 2 has no work type 'asset'");
        assertThat(of(plan, tier3).refusal().reason()).isEqualTo(Reason.FIELD_VALUE_INVALID);
        assertThat(of(plan, tier3).refusal().sentence()).contains("Launch tier must be one of tier-1 or tier-2, not 'tier-3'");
        assertThat(of(plan, handingOver).refusal().reason()).isEqualTo(Reason.HANDOFF_PENDING);
        assertThat(plan.items()).extracting(ItemMigration::item).doesNotContain(done.value());
        assertThat(plan.completed()).isEqualTo(1);
        assertThat(n.engine.store().readAll(0, Integer.MAX_VALUE)).as("a preview records nothing").hasSize(before);
    }

    @Test
    void aStageTheNewVersionDropsNeedsAMapping() {
        ItemMigration qa = of(n.engine.planMigration(request()), withBudget);
        assertThat(qa.refusal().reason()).isEqualTo(Reason.STAGE_UNMAPPED);
        assertThat(qa.refusal().sentence()).isEqualTo("Campaign 'A campaign' (" + withBudget + ") is in QA, which "
                + "version 2 does not have; map it to one of brief, brief-review, build, live, results (qa=NEW-STAGE)");
    }

    @Test
    void aMappingToAStageTheItemsWorkTypeLacksIsRefusedForThatItem() {
        // 'positioning' is a stage of launches in version 2, so the entry itself is sound, but not of campaigns.
        MigrationPlan plan = n.engine.planMigration(request("qa=live", "brief=positioning"));
        assertThat(plan.valid()).isTrue();
        assertThat(of(plan, inBrief).refusal().reason()).isEqualTo(Reason.TARGET_STAGE_MISSING);
        assertThat(of(plan, inBrief).refusal().sentence()).startsWith("map[2] 'brief=positioning' sends campaign");
    }

    @Test
    void anItemOfAnotherVersionIsNotMoved() {
        WorkItemId v2 = n.campaign(Northwind.campaignBrief());
        MigrationPlan plan = n.engine.planMigration(new MigrationRequest(1, 2, List.of("qa=live"), List.of(v2.value())));
        assertThat(plan.items()).singleElement().satisfies(i -> {
            assertThat(i.refusal().reason()).isEqualTo(Reason.NOT_AT_VERSION);
            assertThat(i.refusal().sentence()).endsWith("runs under model version 2, not version 1");
        });
        assertThat(n.engine.planMigration(new MigrationRequest(1, 2, List.of(), List.of(done.value()))).items())
                .singleElement().satisfies(i -> assertThat(i.refusal().reason()).isEqualTo(Reason.COMPLETED));
    }

    @Test
    void mistakesInTheRequestAreAllReportedWithWhereTheyAre() {
        MigrationPlan plan = n.engine.planMigration(new MigrationRequest(1, 2,
                List.of("qa", "qa=nowhere", "campaign/launch=live", "shipping=live"), List.of("item-none")));
        assertThat(plan.problems()).extracting(MigrationProblem::toString).containsExactly(
                "map[1] 'qa': expected old-stage=new-stage or work-type/old-stage=new-stage",
                "map[2] 'qa=nowhere': version 2 has no stage 'nowhere' in campaign; its stages there are brief, "
                        + "brief-review, build, live, results",
                "map[3] 'campaign/launch=live': version 1 has no stage 'launch' in campaign; map a stage it has",
                "map[4] 'shipping=live': version 1 has no stage 'shipping' in any work type; map a stage it has",
                "items[1] 'item-none': there is no work item 'item-none'");
        assertThat(plan.problems().get(0).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(plan.items()).isEmpty();

        assertThat(n.engine.planMigration(new MigrationRequest(1, 7, List.of(), null)).problems())
                .extracting(MigrationProblem::toString)
                .containsExactly("toVersion: expected a stored model version (1 to 2), found 7");
        assertThat(n.engine.planMigration(new MigrationRequest(null, 2, List.of(), null)).problems())
                .extracting(MigrationProblem::kind).containsExactly(Kind.MALFORMED);
        assertThat(n.engine.planMigration(new MigrationRequest(2, 2, List.of(), null)).problems())
                .extracting(MigrationProblem::toString)
                .containsExactly("toVersion: expected another version than fromVersion (2); items already run under it");
    }

    @Test
    void applyingMovesTheItemsThatPassAndTheEngineThenFollowsTheNewVersion() {
        MigrationResult result = n.engine.migrate(request("qa=live"), new Actor("grace.lindqvist"), "mig-1");

        assertThat(result.applied()).isTrue();
        assertThat(result.recorded()).extracting(e -> e.event()).containsExactlyInAnyOrder(
                new ItemMigrated(1, 2, "qa", "live"), new ItemMigrated(1, 2, "brief", "brief"));
        assertThat(result.recorded()).allSatisfy(e -> {
            assertThat(e.modelVersion()).isEqualTo(2);
            assertThat(e.actor()).isEqualTo("grace.lindqvist");
        });
        assertThat(n.state(withBudget).modelVersion()).isEqualTo(2);
        assertThat(n.state(withBudget).stage()).isEqualTo("live");
        assertThat(n.state(withoutBudget).modelVersion()).as("refused items stay").isEqualTo(1);

        // Version 2 has no QA: the way back to it is gone for the migrated item, not for the one that stayed.
        assertThat(n.rejected(withBudget, "jon.ito", new MoveTo("qa")).code()).isEqualTo(Code.NOT_FOUND);
        assertThat(n.ok(withBudget, "jon.ito", new UpdateFields(Map.of("budget", 15000))).events().get(0).modelVersion())
                .isEqualTo(2);
        n.ok(withoutBudget, "jon.ito", new MoveTo("build"));

        // The state the engine folds from the log after a restart is the same.
        Engine restarted = new Engine(n.engine.store(), n.versions, n.clock);
        assertThat(restarted.item(withBudget).orElseThrow()).isEqualTo(n.state(withBudget));
    }

    @Test
    void applyingAgainRecordsNothing() {
        n.engine.migrate(request("qa=live"), new Actor("grace.lindqvist"), "mig-1");
        int after = n.engine.store().readAll(0, Integer.MAX_VALUE).size();

        MigrationResult again = n.engine.migrate(request("qa=live"), new Actor("grace.lindqvist"), null);

        assertThat(again.applied()).isTrue();
        assertThat(again.recorded()).isEmpty();
        assertThat(of(again.plan(), withBudget).status()).isEqualTo(Status.ALREADY_MIGRATED);
        assertThat(n.engine.store().readAll(0, Integer.MAX_VALUE)).hasSize(after);
    }

    @Test
    void namedItemsMoveAllOrNone() {
        int before = n.engine.store().readAll(0, Integer.MAX_VALUE).size();
        MigrationResult refused = n.engine.migrate(new MigrationRequest(1, 2, List.of("qa=live"),
                List.of(withBudget.value(), withoutBudget.value())), new Actor("grace.lindqvist"), null);

        assertThat(refused.applied()).isFalse();
        assertThat(refused.refusal().code()).isEqualTo(Code.EXIT_CRITERIA_MISSING);
        assertThat(refused.refusal().sentence()).startsWith("Nothing was migrated: 1 of the 2 item(s) can't move now.");
        assertThat(n.engine.store().readAll(0, Integer.MAX_VALUE)).hasSize(before);
        assertThat(n.state(withBudget).modelVersion()).isEqualTo(1);

        MigrationResult bad = n.engine.migrate(request("qa"), new Actor("grace.lindqvist"), null);
        assertThat(bad.refusal().code()).isEqualTo(Code.INVALID_INPUT);
        assertThat(n.engine.store().readAll(0, Integer.MAX_VALUE)).hasSize(before);
    }
}
