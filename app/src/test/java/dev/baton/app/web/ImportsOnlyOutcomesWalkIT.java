package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outcomes (issue 12's "done when"), walked in a real headless Chromium on a server whose history was
 * built only from imports, with no item created in Baton: Grace uploads on the Import page the web
 * team's Jira, GitLab and Trello exports (and the shared real ones when ../shared is there, as
 * ImportsOnlyWalkIT does), then the project's example Salesforce reports and touchpoints with the
 * outcome kinds. A broken CRM export is refused at its line and column and stores nothing. The
 * Outcomes page shows the funnel, the lead handoff, attribution by every model, the imported model's
 * metric as not measurable yet (it has no measure:) and, as the model has no campaign work items, the
 * campaigns' touchpoints linked to none; axe-core finds no serious violation there.
 * Screenshots: app/target/screenshots/imports-only-outcomes.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.demo=true", "baton.notifications.every=0", "baton.model.file=imports-only/model.yaml"})
class ImportsOnlyOutcomesWalkIT extends BrowserWalk {

    static final Path EXAMPLES = OutcomesWalkIT.EXAMPLES;

    ImportsOnlyOutcomesWalkIT() {
        super("imports-only-outcomes");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
        registry.add("baton.model.source", () -> ImportsOnlyWalkIT.read(ImportsOnlyWalkIT.HERE.resolve("model.yaml")));
    }

    @Autowired
    JdbcTemplate jdbc;

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void aHistoryOfImportsOnlyAndACrmExportShowTheFunnelHandoffAttributionMetricsAndCampaigns(@TempDir Path tmp)
            throws Exception {
        browser.signIn("grace");
        List<String> batches = ImportsOnlyWalkIT.importToolExports(browser);
        for (String[] f : new String[][] {{"salesforce-leads", "salesforce/leads.csv"},
                {"salesforce-opportunities", "salesforce/opportunities.csv"},
                {"salesforce-contact-roles", "salesforce/contact-roles.csv"},
                {"salesforce-opportunity-history", "salesforce/opportunity-history.csv"},
                {"salesforce-campaign-members", "salesforce/campaign-members.csv"},
                {"touchpoints", "touchpoints.csv"}}) {
            OutcomesWalkIT.importOutcomes(browser, f[0], EXAMPLES.resolve(f[1]));
            assertThat(browser.all(By.id("outcome-problems"))).as(f[1]).isEmpty();
        }
        assertThat(browser.all(By.cssSelector("#outcome-batches-table tr[data-outcome-batch]"))).hasSize(6);

        // No item was created in Baton: every event is an import batch's (or a batch's own record).
        assertThat(count("select count(*) from events where batch_id is null and stream not like 'import:%'")).isZero();

        // A CRM export with a bad date and one without a required column: refused where, nothing stored.
        long events = count("select count(*) from events");
        Path badDate = tmp.resolve("bad-date-opps.csv");
        Files.writeString(badDate, "Opportunity ID,Opportunity Name,Stage,Amount,Created Date,Close Date\n"
                + "0069,Big,Closed Won,1000,2026-01-05,31/31/2026\n");
        OutcomesWalkIT.importOutcomes(browser, "salesforce-opportunities", badDate);
        assertThat(browser.text(By.id("outcome-problems"))).contains("bad-date-opps.csv:2:6");
        assertThat(browser.text(By.id("import-problem"))).contains("nothing was stored");
        Path noColumn = tmp.resolve("no-stage-opps.csv");
        Files.writeString(noColumn, "Opportunity ID,Opportunity Name,Amount,Created Date,Close Date\n"
                + "0069,Big,1000,2026-01-05,2026-02-01\n");
        OutcomesWalkIT.importOutcomes(browser, "salesforce-opportunities", noColumn);
        String missing = browser.text(By.id("outcome-problems"));
        System.out.println("a CRM export without its stage column: " + missing);
        assertThat(missing).contains("no-stage-opps.csv:1:").contains("Stage");
        browser.screenshot("bad-crm-export-refused");
        assertThat(browser.all(By.cssSelector("#outcome-batches-table tr[data-outcome-batch]"))).hasSize(6);
        assertThat(count("select count(*) from events")).isEqualTo(events);

        browser.submit(By.id("nav-outcomes"));
        assertThat(browser.path()).isEqualTo("/outcomes");
        String page = browser.find(By.tagName("main")).getText();
        System.out.println("outcomes on a server of imports only (" + batches.size() + " tool batches):\n" + page);
        // The funnel of the example reports: 6 leads, 5 handed over, 3 accepted, 3 opportunities, 1 won.
        assertThat(browser.all(By.cssSelector("#funnel-total .stage-count")).stream().map(e -> e.getText()).toList())
                .containsExactly("6", "5", "3", "3", "1");
        assertThat(browser.text(By.id("handoff-figures"))).contains("5 handed over, 3 accepted");
        assertThat(browser.text(By.id("handoff-never-worked"))).contains("00Q5g00000AbCd4");
        assertThat(browser.text(By.id("attribution-table")).toLowerCase(java.util.Locale.ROOT))
                .contains("first-touch").contains("markov").contains("shapley");
        assertThat(browser.all(By.cssSelector("#attribution-table tr[data-channel]"))).isNotEmpty();
        browser.waitFor(() -> !browser.all(By.cssSelector("#attribution-chart svg")).isEmpty());
        // The imported model's only metric has no measure: it is listed as not measurable yet, none is measured.
        assertThat(browser.text(By.id("metrics-none"))).contains("No metric of the model can be measured yet");
        assertThat(browser.text(By.cssSelector("#metrics-not-measured li[data-metric=pages]"))).contains("Pages shipped")
                .contains("not measurable yet");
        // Campaigns: no mapping names the link field and the model has no campaign work items, so the page
        // says so, and every touchpoint belongs to no linked campaign.
        assertThat(browser.text(By.id("campaigns-note"))).contains("names no campaigns.link-field");
        assertThat(browser.all(By.id("campaigns-table"))).isEmpty();
        assertThat(browser.text(By.id("campaigns-without-item"))).contains("6 campaigns of the outcome data no item links to");
        assertThat(browser.text(By.id("campaigns-unlinked-items"))).contains("0 of 0 campaign items linked to no campaign");
        assertThat(browser.text(By.id("campaigns-unmatched-touchpoints"))).contains("10 of 10 touchpoints belong to no linked campaign");
        browser.screenshot("outcomes-on-imports-only");
        assertThat(Axe.serious(browser)).as("axe-core on the outcomes page of an imports-only server").isEmpty();
    }
}
