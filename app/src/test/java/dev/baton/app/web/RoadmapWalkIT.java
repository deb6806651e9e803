package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.roadmap.RoadmapEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The roadmap in a real headless Chromium against a real server on a real PostgreSQL
 * (docs/roadmap.md#on-the-server): Maya enters initiatives on the page (a mistake is refused with
 * its field and nothing is stored), sees the Gantt, the capacity heat map and their tables, what
 * does not fit and why; she may not publish (403, the right named); Grace publishes; a scenario
 * is compared with the published plan; an item shows what blocks it; capacity assumptions set in the
 * form beside the heat map change the capacity (a share of 100% refused). axe-core finds nothing
 * serious. Screenshots: app/target/screenshots/roadmap.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
class RoadmapWalkIT extends BrowserWalk {

    static final String QUARTERS = "2027-Q1..2027-Q4";

    RoadmapWalkIT() {
        super("roadmap");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    Engine engine;

    @Autowired
    EventStore store;

    /** Fills the page's form: effort is {function, "days, days"} pairs. */
    static void enter(Browser browser, String id, String title, String value, String deps, String deadline,
                      String... effort) {
        browser.type(By.id("i-id"), id);
        browser.type(By.id("i-title"), title);
        browser.type(By.id("i-value"), value);
        browser.type(By.id("i-deps"), deps);
        browser.type(By.id("i-deadline"), deadline);
        new Select(browser.find(By.id("i-kind"))).selectByValue(deadline.isEmpty() ? "soft" : "hard");
        for (int k = 0; k < effort.length; k += 2) {
            browser.type(By.id("i-effort-" + effort[k]), effort[k + 1]);
        }
        browser.submit(By.cssSelector("#initiative-form button[type=submit]"));
    }

    @Test
    void initiativesAreEnteredPlannedExplainedPublishedAndComparedWithAScenario() {
        browser.signIn("maya");
        browser.go("/roadmap?quarters=" + QUARTERS);
        assertThat(browser.text(By.id("nav-roadmap"))).isEqualTo("Roadmap");
        assertThat(browser.text(By.id("published-summary-none"))).contains("No plan has been published yet");

        enter(browser, "launch-kit", "Launch kit", "fifty", "", "", "pmm", "80");
        assertThat(browser.text(By.id("problem"))).contains("Not done").contains("value");
        assertThat(browser.text(By.id("problems"))).contains("value: expected value to be a number");
        assertThat(browser.all(By.id("entered-table"))).isEmpty();
        assertThat(browser.find(By.id("i-title")).getAttribute("value")).isEqualTo("Launch kit");
        browser.screenshot("a-mistake-refused-with-its-field");

        browser.go("/roadmap?quarters=" + QUARTERS);
        enter(browser, "launch-kit", "Launch kit", "50", "", "", "pmm", "80");
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Entered the initiative 'launch-kit'");
        enter(browser, "battlecards", "Battlecards", "40", "", "", "pmm", "80");
        enter(browser, "analyst-day", "Analyst day", "30", "", "2027-Q3", "pmm", "90");
        enter(browser, "launch-video", "Launch video", "20", "launch-kit", "", "content", "30");
        assertThat(browser.text(By.id("entered-table"))).contains("launch-video").contains("launch-kit");

        assertThat(browser.find(By.id("row-launch-kit")).getAttribute("data-status")).isEqualTo("planned");
        assertThat(browser.text(By.id("row-launch-kit"))).contains("2027-Q1");
        assertThat(browser.text(By.id("row-launch-video"))).contains("2027-Q2");
        assertThat(browser.find(By.id("row-analyst-day")).getAttribute("data-status")).isEqualTo("out");
        assertThat(browser.text(By.id("verdicts"))).contains("Analyst day")
                .contains("'Analyst day' needs 90 person-days of pmm").contains("more person-days of pmm");
        assertThat(browser.text(By.id("capacity-table"))).containsIgnoringCase("pmm").contains("80 / 86");
        browser.waitFor(() -> !browser.all(By.cssSelector("#gantt-chart svg")).isEmpty());
        browser.waitFor(() -> !browser.all(By.cssSelector("#capacity-heatmap svg")).isEmpty());
        assertThat(browser.text(By.id("to-fit-top"))).contains("pmm");
        assertThat(Axe.serious(browser)).as("axe-core on the roadmap page").isEmpty();
        browser.screenshot("plan-gantt-heat-map-and-what-does-not-fit");

        // Maya holds no decision right on starting initiatives: refused, the right named.
        assertThat(browser.all(By.id("publish-form"))).isEmpty();
        browser.submit(By.cssSelector("#publish-form-denied button"));
        assertThat(browser.text(By.id("problem"))).contains("approver of Proposal of Marketing initiative")
                .contains("Grace Lindqvist").contains("Maya Chen does not hold it");
        assertThat(store.version(RoadmapEvent.STREAM)).isZero();
        browser.screenshot("publishing-refused-without-the-right");

        browser.signIn("grace");
        browser.go("/roadmap?quarters=" + QUARTERS);
        browser.submit(By.cssSelector("#publish-form button"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Published the plan");
        assertThat(browser.text(By.id("published-summary"))).contains("Grace Lindqvist")
                .contains("approver of Proposal of Marketing initiative");
        assertThat(store.version(RoadmapEvent.STREAM)).isEqualTo(1);

        browser.type(By.id("scenario"), "name: Hire a product marketer\nheadcount: {pmm: 1}\n");
        browser.submit(By.cssSelector("#scenario-form button"));
        assertThat(browser.text(By.id("comparison-title"))).contains("Hire a product marketer").contains("published plan");
        assertThat(browser.text(By.id("moved"))).contains("analyst-day: not planned → 2027-Q");
        assertThat(browser.text(By.id("comparison-values"))).contains("2027-Q1");
        assertThat(browser.text(By.id("comparison-utilisation"))).contains("pmm");
        assertThat(Axe.serious(browser)).as("axe-core on a scenario comparison").isEmpty();
        browser.screenshot("scenario-beside-the-published-plan");

        // An initiative already in Baton, given its effort on the page, shows what blocks it.
        CommandResult created = engine.create(new WorkItemId("walk-emea"), null, new Actor("grace.lindqvist"),
                new CreateItem("initiative", "Enter EMEA", Map.of(), null, null));
        assertThat(created).isInstanceOf(CommandResult.Recorded.class);
        browser.go("/roadmap?quarters=" + QUARTERS);
        assertThat(browser.text(By.id("row-walk-emea"))).contains("effort missing").contains("work item");
        enter(browser, "walk-emea", "", "", "launch-kit", "", "leadership", "10");
        assertThat(browser.text(By.id("row-walk-emea"))).contains("Enter EMEA").doesNotContain("effort missing");
        browser.go("/items/walk-emea");
        assertThat(browser.text(By.id("blocked-by"))).contains("Blocked by").contains("Launch kit")
                .contains("not yet started in Baton");
        browser.screenshot("item-blocked-by-its-dependency");
    }

    /** Fills and sends the assumptions form beside the heat map. */
    static void assume(Browser browser, String workingDays, String runTheBusiness, String holidays) {
        browser.go("/roadmap?quarters=" + QUARTERS);
        browser.type(By.id("a-days"), workingDays);
        browser.type(By.id("a-rtb"), runTheBusiness);
        browser.type(By.id("a-holidays"), holidays);
        browser.submit(By.cssSelector("#assumptions-form button"));
    }

    @Test
    void assumptionsSetOnThePageChangeTheCapacityBesideTheHeatMap() {
        browser.signIn("maya");
        browser.go("/roadmap?quarters=" + QUARTERS);
        assertThat(browser.text(By.id("assumptions-in-force"))).contains("60 working days a quarter")
                .contains("20% run-the-business").contains("holidays none").contains("the defaults");
        assertThat(browser.text(By.id("capacity-table"))).contains("/ 86 ");

        // A share of 100% is refused with its field; the assumptions in force stay.
        browser.type(By.id("a-rtb"), "1");
        browser.submit(By.cssSelector("#assumptions-form button"));
        assertThat(browser.text(By.id("problems"))).contains("runTheBusiness: expected runTheBusiness to be a share");
        assertThat(browser.text(By.id("assumptions-in-force"))).contains("20% run-the-business").contains("the defaults");
        assertThat(browser.find(By.id("a-rtb")).getAttribute("value")).isEqualTo("1");

        try {
            assume(browser, "50", "0.25", "2027-Q2: 10");
            assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Changed the capacity assumptions");
            assertThat(browser.text(By.id("assumptions-in-force"))).contains("50 working days a quarter")
                    .contains("25% run-the-business").contains("holidays 2027-Q2: 10").contains("set by maya.chen");
            // pmm, Maya and Leo at 36h/week: floor(2 x 50 x 0.9 x 0.75) = 67, and 54 with 10 days of holidays.
            String pmm = browser.text(By.xpath("//table[@id='capacity-table']//tr[th='pmm']"));
            assertThat(pmm).contains("/ 67 ").contains("/ 54 ");
            browser.waitFor(() -> !browser.all(By.cssSelector("#capacity-heatmap svg")).isEmpty());
            assertThat(Axe.serious(browser)).as("axe-core on the roadmap page with assumptions").isEmpty();
            browser.screenshot("assumptions-set-beside-the-heat-map");
        } finally {
            assume(browser, "60", "0.2", "");
        }
        assertThat(browser.text(By.id("capacity-table"))).contains("/ 86 ");
    }
}
