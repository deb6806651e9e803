package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An experiment in a real headless Chromium against a real server on a real PostgreSQL
 * (docs/experiments.md): Nora opens an experiment item, follows it to its results page, uploads a
 * unit-level CSV, sees the SRM check before the results table, the interval chart and the verdicts,
 * records the conclusion as an insight (source experiment), and opens the rhythm dashboard.
 * Screenshots: app/target/screenshots/experiment.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
class ExperimentWalkIT extends BrowserWalk {

    ExperimentWalkIT() {
        super("experiment");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void anExperimentsResultsAreUploadedCheckedAndRecordedAsAnInsight() throws Exception {
        CommandResult created = engine.create(new WorkItemId("walk-subject-line"), null, new Actor("nora.haddad"),
                new CreateItem("experiment", "Shorter subject line", Map.of(
                        "hypothesis", "A shorter subject line lifts revenue per recipient",
                        "metric", "mql-to-sql", "variants", List.of("control", "treatment"), "allocation", "50/50",
                        "decision-rule", "ship when revenue lifts with BH-adjusted p < 0.05",
                        "experiment-owner", "nora.haddad"), null, null));
        assertThat(created).isInstanceOf(CommandResult.Recorded.class);
        StringBuilder csv = new StringBuilder("unit,variant,revenue,pre_revenue\n");
        for (int i = 0; i < 2000; i++) {
            String arm = i % 2 == 0 ? "control" : "treatment";
            int base = (i * 7) % 13;
            csv.append("u").append(i).append(',').append(arm).append(',')
                    .append(base + (arm.equals("treatment") ? 1 : 0)).append(',').append(base + i % 3).append('\n');
        }
        Path file = Files.writeString(dir.resolve("subject-line.csv"), csv);

        browser.signIn("nora");
        browser.go("/items/walk-subject-line");
        assertThat(browser.text(By.id("experiment-link"))).contains("its results");
        browser.submit(By.cssSelector("#experiment-link a"));
        assertThat(browser.path()).isEqualTo("/experiments/walk-subject-line");
        assertThat(browser.text(By.id("no-results"))).contains("No results recorded yet");

        browser.find(By.id("results-file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(By.id("upload-results"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Recorded the results of subject-line.csv");
        assertThat(browser.text(By.id("srm-check"))).startsWith("Sample ratio check passed: units per arm 1000 / 1000");
        assertThat(browser.all(By.id("srm-banner"))).isEmpty();
        assertThat(browser.text(By.id("results-table"))).contains("revenue (cuped)").contains("treatment");
        assertThat(browser.text(By.id("peeking-note"))).contains("Fixed-horizon test");
        assertThat(browser.text(By.id("verdicts"))).startsWith("revenue, treatment:");
        browser.waitFor(() -> !browser.all(By.cssSelector("#ci-chart svg")).isEmpty());
        browser.screenshot("results-with-srm-check-first");

        browser.find(By.cssSelector("#record-insight input[name=tags]")).click();
        browser.submit(By.id("record-insight-button"));
        assertThat(browser.path()).startsWith("/learning/insights/");
        assertThat(browser.text(By.id("insight-meta"))).contains("from experiment walk-subject-line");
        browser.screenshot("conclusion-recorded-as-insight");

        browser.go("/experiments/rhythm");
        assertThat(browser.text(By.id("rhythm-sentence"))).contains("experiment");
        assertThat(browser.text(By.id("rhythm-experiments"))).contains("Shorter subject line").contains("designing");
        assertThat(browser.text(By.id("rhythm-stopped-count"))).contains("that ended");
        browser.waitFor(() -> !browser.all(By.cssSelector("#rhythm-chart svg")).isEmpty());
        browser.screenshot("rhythm-dashboard");
    }
}
