package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.ProjectRoot;
import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outcomes in a real headless Chromium against a real server on a real PostgreSQL
 * (docs/outcomes.md): Grace (ops) imports the example Salesforce reports and touchpoints on the
 * Import page with the outcome kinds, a broken export is refused at its file:line:col and stores
 * nothing, and the Outcomes page shows the funnel (6, 5, 3, 3, 1), the lead handoff with its
 * evidence and attribution by every model side by side. Screenshots: app/target/screenshots/outcomes.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OutcomesWalkIT extends BrowserWalk {

    static final Path EXAMPLES = ProjectRoot.PATH.resolve("examples/outcomes");

    OutcomesWalkIT() {
        super("outcomes");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    void importFile(String kind, Path file) {
        importOutcomes(browser, kind, file);
    }

    /** Uploads an outcome export on the Import page with its outcome kind; waits for the summary or the problems. */
    static void importOutcomes(Browser browser, String kind, Path file) {
        browser.go("/import");
        new Select(browser.find(By.id("kind"))).selectByValue(kind);
        browser.find(By.id("file")).sendKeys(file.toString());
        browser.find(By.id("import")).click();
        browser.waitFor(() -> !browser.all(By.id("outcome-summary")).isEmpty() || !browser.all(By.id("outcome-problems")).isEmpty());
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theExamplesImportOnTheImportPageAndTheOutcomesPageShowsTheFunnelAndAttribution(
            @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        browser.signIn("grace");
        browser.go("/outcomes");
        assertThat(browser.text(By.id("outcomes-empty"))).contains("No outcome data is stored yet");
        browser.go("/intake/forms/campaign-request");
        assertThat(browser.text(By.id("impact-evidence"))).contains("no outcome data yet");

        importFile("salesforce-leads", EXAMPLES.resolve("salesforce/leads.csv"));
        assertThat(browser.text(By.id("outcome-summary"))).contains("Imported leads.csv").contains("6 rows");
        browser.screenshot("leads-imported");
        importFile("salesforce-opportunities", EXAMPLES.resolve("salesforce/opportunities.csv"));
        importFile("salesforce-contact-roles", EXAMPLES.resolve("salesforce/contact-roles.csv"));
        importFile("salesforce-opportunity-history", EXAMPLES.resolve("salesforce/opportunity-history.csv"));
        importFile("salesforce-campaign-members", EXAMPLES.resolve("salesforce/campaign-members.csv"));
        importFile("touchpoints", EXAMPLES.resolve("touchpoints.csv"));
        assertThat(browser.all(By.cssSelector("#outcome-batches-table tr[data-outcome-batch]"))).hasSize(6);

        importFile("salesforce-leads", EXAMPLES.resolve("salesforce/leads.csv"));
        assertThat(browser.text(By.id("outcome-summary"))).contains("imported already").contains("Unchanged");

        Path bad = tmp.resolve("broken-opps.csv");
        Files.writeString(bad, "Opportunity ID,Opportunity Name,Stage,Amount,Created Date,Close Date\n"
                + "0069,Big,Closed Won,1000,2026-01-05,31/31/2026\n");
        importFile("salesforce-opportunities", bad);
        assertThat(browser.text(By.id("outcome-problems"))).contains("broken-opps.csv:2:6");
        assertThat(browser.text(By.id("import-problem"))).contains("nothing was stored");
        browser.screenshot("bad-export-refused-at-its-line");
        assertThat(browser.all(By.cssSelector("#outcome-batches-table tr[data-outcome-batch]"))).hasSize(6);

        browser.submit(By.id("nav-outcomes"));
        assertThat(browser.path()).isEqualTo("/outcomes");
        assertThat(browser.all(By.cssSelector("#funnel-total .stage-count")).stream().map(e -> e.getText()).toList())
                .containsExactly("6", "5", "3", "3", "1");
        assertThat(browser.text(By.id("funnel-groups"))).contains("Q1 Analytics Webinar");
        assertThat(browser.text(By.id("handoff-figures"))).contains("5 handed over, 3 accepted");
        assertThat(browser.text(By.id("handoff-never-worked"))).contains("00Q5g00000AbCd4");
        assertThat(browser.text(By.id("attribution-table")).toLowerCase(java.util.Locale.ROOT)).contains("first-touch").contains("markov").contains("shapley");
        assertThat(browser.all(By.cssSelector("#attribution-table tr[data-channel]"))).isNotEmpty();
        browser.waitFor(() -> !browser.all(By.cssSelector("#attribution-chart svg")).isEmpty());
        browser.screenshot("outcomes-page");

        new Select(browser.find(By.id("by"))).selectByValue("channel");
        browser.submit(By.cssSelector("#outcomes-by button[type=submit]"));
        assertThat(browser.path()).startsWith("/outcomes");
        assertThat(browser.text(By.cssSelector("#funnel h3"))).isEqualTo("By channel");
    }

    /** As Nora, over the API. */
    void post(String path, String json) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("nora:baton-demo".getBytes()))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void metricTargetsCampaignsBesideTheirDebtAndACampaignItemsOutcomes(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        browser.signIn("grace");
        for (String[] f : new String[][] {{"salesforce-leads", "salesforce/leads.csv"},
                {"salesforce-opportunities", "salesforce/opportunities.csv"},
                {"salesforce-contact-roles", "salesforce/contact-roles.csv"},
                {"salesforce-opportunity-history", "salesforce/opportunity-history.csv"},
                {"touchpoints", "touchpoints.csv"}}) {
            importFile(f[0], EXAMPLES.resolve(f[1]));
        }
        // A touch of a campaign no item links to, imported with the mapping that names the link field.
        Path more = tmp.resolve("event-touchpoints.csv");
        Files.writeString(more, "email,account,time,channel,campaign\n"
                + "fay@lumenfreight.example,,2026-03-05T10:00:00Z,event,Spring Gala\n");
        browser.go("/import");
        new Select(browser.find(By.id("kind"))).selectByValue("touchpoints");
        browser.find(By.id("file")).sendKeys(more.toString());
        browser.type(By.id("mapping"), "campaigns:\n  link-field: campaign-name\n");
        browser.find(By.id("import")).click();
        browser.waitFor(() -> !browser.all(By.id("outcome-summary")).isEmpty() || !browser.all(By.id("outcome-problems")).isEmpty());
        assertThat(browser.text(By.id("outcome-summary"))).contains("Imported event-touchpoints.csv");

        String item = "webinar-" + System.nanoTime();
        post("/api/v1/items", "{\"id\": \"" + item + "\", \"workType\": \"campaign\", \"title\": \"Q1 analytics webinar\", "
                + "\"fields\": {\"campaign-name\": \"Q1 Analytics Webinar\", \"objective\": \"Pipeline\", "
                + "\"segment\": \"Mid-market\", \"primary-metric\": \"pipeline\", \"channel-mix\": [\"webinar\"], "
                + "\"start-date\": \"2026-01-05\", \"reach\": 400, \"impact\": 2, \"confidence\": 80, \"effort\": 3}}");
        post("/api/v1/items/" + item + "/move-to", "{\"stage\": \"brief-review\"}");

        browser.go("/outcomes");
        // Metric targets against actuals: the model's three measured metrics for 2026-Q1, the rest listed.
        assertThat(browser.text(By.cssSelector("#metrics-table tr[data-metric=win-rate]"))).contains("2026-Q1")
                .contains("met: 50 against 27 (2 opportunities closed)");
        assertThat(browser.text(By.cssSelector("#metrics-table tr[data-metric=pipeline]")))
                .contains("missed by 99%: 54,000 against 4,200,000");
        assertThat(browser.text(By.id("metrics-not-measured"))).contains("Launch readiness")
                .contains("not measurable yet: add measure:");
        browser.waitFor(() -> !browser.all(By.cssSelector("#metrics-chart svg")).isEmpty());

        // Campaigns: pipeline beside debt.
        String row = browser.text(By.cssSelector("#campaigns-table tr[data-item='" + item + "']"));
        assertThat(row).contains("Q1 analytics webinar").contains("Q1 Analytics Webinar").contains("36,000 (2)")
                .contains("54,000 (3)").contains("24,000 (1 won)").containsPattern("\\d+\\.\\d h");
        assertThat(browser.text(By.id("campaigns-unmatched-touchpoints"))).contains("of 11 touchpoints belong to no linked campaign")
                .contains("Spring Gala (1)");
        assertThat(browser.text(By.id("campaigns-without-item"))).contains("Spring Gala");
        assertThat(browser.text(By.id("campaigns-unlinked-items"))).contains("campaign items linked to no campaign");
        browser.screenshot("metrics-and-campaigns");

        // The funnel by work type: the webinar's figures under its item's work type, the rest unlinked.
        browser.go("/outcomes?by=work-type");
        assertThat(browser.text(By.cssSelector("#funnel-groups tr[data-group='campaign']"))).contains("36,000")
                .contains("54,000");
        assertThat(browser.all(By.cssSelector("#funnel-groups tr[data-group='(no linked work item)']"))).hasSize(1);
        assertThat(browser.text(By.id("outcomes-by"))).contains("work type");

        // The campaign item's page: its outcomes beside its debt.
        browser.go("/items/" + item);
        assertThat(browser.text(By.id("item-pipeline-sourced"))).isEqualTo("36,000 (2)");
        assertThat(browser.text(By.id("item-pipeline-influenced"))).isEqualTo("54,000 (3)");
        assertThat(browser.text(By.id("item-hours-lost"))).matches("\\d+\\.\\d h");
        assertThat(browser.text(By.id("item-rework"))).contains("of 1 items went back");
        assertThat(browser.text(By.id("item-approval-wait"))).contains("rounds");
        browser.screenshot("campaign-item-outcomes");

        // Intake: what comparable past work produced, for the impact input.
        browser.go("/intake/forms/campaign-request");
        assertThat(browser.text(By.id("impact-evidence"))).contains("Comparable past work (work type campaign)")
                .contains("sourced a median 36,000 pipeline: 1 item behind it");
    }
}
