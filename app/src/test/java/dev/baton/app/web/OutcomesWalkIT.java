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
        browser.go("/import");
        new Select(browser.find(By.id("kind"))).selectByValue(kind);
        browser.find(By.id("file")).sendKeys(file.toString());
        browser.find(By.id("import")).click();
        browser.waitFor(() -> !browser.all(By.id("outcome-summary")).isEmpty() || !browser.all(By.id("outcome-problems")).isEmpty());
    }

    @Test
    void theExamplesImportOnTheImportPageAndTheOutcomesPageShowsTheFunnelAndAttribution(
            @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        browser.signIn("grace");
        browser.go("/outcomes");
        assertThat(browser.text(By.id("outcomes-empty"))).contains("No outcome data is stored yet");

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
}
