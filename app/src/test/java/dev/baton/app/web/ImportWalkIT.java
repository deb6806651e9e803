package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.event.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Import page in a real headless Chromium against a real server on a real PostgreSQL with the
 * demo model: a Jira export is uploaded, a starter mapping suggested, a mapping with a mistake
 * refused at its line, the corrected one previewed (nothing stored) and imported; the debt
 * dashboard then counts the imported items and shows the score {@code baton analyze --format json}
 * gives for the same events, and an imported item's timeline opens read only. The import is then
 * listed as a batch, retracted after a confirm step, and the dashboard shows what it showed before
 * the import. A member is refused the page. Screenshots: app/target/screenshots/import.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
class ImportWalkIT extends BrowserWalk {

    ImportWalkIT() {
        super("import");
    }

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;
    static final Path EXPORT = ROOT.resolve("app/src/test/resources/imports/jira-cloud-search-jql.json");
    static final Path MAPPING = ROOT.resolve("app/src/test/resources/imports/jira-to-b2b-saas.yaml");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    EventStore store;

    @Autowired
    JdbcTemplate jdbc;

    long events() {
        return jdbc.queryForObject("select count(*) from events", Long.class);
    }

    @Test
    void anExportIsPreviewedImportedAndCountedOnTheDashboard() throws Exception {
        browser.signIn("grace");
        browser.go("/debt");
        long itemsBefore = itemsOnDashboard();
        String scoreBefore = browser.text(By.id("debt-score"));

        browser.submit(By.linkText("Import"));
        assertThat(browser.path()).isEqualTo("/import");
        new Select(browser.find(By.id("kind"))).selectByValue("jira-json");
        browser.find(By.id("file")).sendKeys(EXPORT.toString());

        browser.find(By.id("suggest")).click();
        browser.waitFor(() -> browser.find(By.id("mapping")).getAttribute("value").contains("\"In Review\": in-review"));
        assertThat(browser.find(By.id("mapping")).getAttribute("value"))
                .contains("work type campaign: stages brief, brief-review, build, qa, live, results")
                .contains("\"Sam Lee\": sam-lee");
        assertThat(browser.text(By.id("suggested"))).contains("starter mapping");
        browser.screenshot("suggested-mapping");

        String mapping = Files.readString(MAPPING);
        setMapping(mapping.replace("Done: live", "Done: launched"));
        browser.find(By.id("preview")).click();
        browser.waitFor(() -> browser.text(By.id("mapping-errors")).contains("launched"));
        assertThat(browser.text(By.id("mapping-errors"))).contains("mapping:8:9").contains("found 'launched'")
                .contains("live");
        assertThat(browser.all(By.id("import-summary"))).isEmpty();
        show("mapping-errors");
        browser.screenshot("mapping-refused-at-its-line");

        long before = events();
        setMapping(mapping);
        browser.find(By.id("preview")).click();
        browser.waitFor(() -> !browser.all(By.id("import-summary")).isEmpty());
        assertThat(browser.text(By.id("mapping-errors"))).isEmpty();
        int events = Integer.parseInt(browser.text(By.id("import-events")));
        assertThat(events).isPositive();
        assertThat(browser.text(By.id("import-items"))).isEqualTo("2");
        assertThat(browser.text(By.id("import-present"))).isEqualTo("0");
        assertThat(browser.all(By.cssSelector("#import-stages tr[data-stage]"))).extracting(r -> r.getAttribute("data-stage"))
                .contains("brief", "build", "qa", "live");
        assertThat(browser.text(By.id("import-unmapped"))).contains("Sam Lee").contains("people.\"Sam Lee\"");
        assertThat(browser.all(By.cssSelector("#import-sample tbody tr"))).hasSize(Math.min(events, 20));
        assertThat(browser.text(By.id("import-sample"))).contains("MKT-1").contains("Maya Chen");
        assertThat(events()).isEqualTo(before);
        show("import-result");
        browser.screenshot("preview");

        browser.find(By.id("import")).click();
        browser.waitFor(() -> !browser.all(By.id("import-done")).isEmpty());
        assertThat(browser.text(By.id("import-events"))).isEqualTo(String.valueOf(events));
        assertThat(events()).isEqualTo(before + events + 1); // and the batch's BatchImported
        String batch = browser.find(By.cssSelector("#import-batch code")).getText();
        // The batches table below the form is brought up to date in the same answer.
        browser.waitFor(() -> !browser.all(By.cssSelector("#batches-table tr[data-batch='" + batch + "']")).isEmpty());
        show("import-result");
        browser.screenshot("imported");

        browser.find(By.id("import")).click();
        browser.waitFor(() -> browser.text(By.id("import-events")).equals("0"));
        assertThat(Long.parseLong(browser.text(By.id("import-present")))).isPositive();
        assertThat(events()).isEqualTo(before + events + 1);
        assertThat(browser.all(By.id("import-batch"))).isEmpty(); // nothing new: no batch

        browser.submit(By.id("dashboard-link"));
        assertThat(browser.path()).isEqualTo("/debt");
        assertThat(itemsOnDashboard()).isEqualTo(itemsBefore + 2);
        Map<String, Object> json = CliReport.of(store, ROOT.resolve("examples/b2b-saas.yaml"));
        assertThat(((Number) json.get("items")).longValue()).isEqualTo(itemsBefore + 2);
        assertThat(browser.text(By.id("debt-score")))
                .isEqualTo(String.format(Locale.ROOT, "%.1f", ((Number) json.get("score")).doubleValue()));
        browser.screenshot("dashboard-with-imported-history");

        browser.go("/items/MKT-1");
        assertThat(browser.text(By.id("imported-note"))).contains("Imported history").contains("read only");
        assertThat(browser.text(By.id("stage"))).isEqualTo("Live");
        assertThat(browser.text(By.tagName("h1"))).contains("Q3 launch webinar").contains("MKT-1");
        assertThat(browser.all(By.cssSelector("#timeline li"))).hasSizeGreaterThan(3);
        assertThat(browser.text(By.id("timeline"))).contains("Maya Chen").contains("moved it from");
        browser.screenshot("imported-item-timeline");

        // The import is a batch: listed on the Import page, retracted after a confirm step, and the dashboard is back.
        browser.go("/import");
        assertThat(browser.all(By.cssSelector("#batches-table tr[data-batch]"))).hasSize(1);
        String row = browser.text(By.cssSelector("#batches-table tr[data-batch='" + batch + "']"));
        assertThat(row).contains(batch, "Grace Lindqvist", "jira-json", "jira-cloud-search-jql.json", String.valueOf(events),
                "standing");
        show("import-batches");
        browser.screenshot("batches");

        browser.submit(By.cssSelector("tr[data-batch='" + batch + "'] .retract-link"));
        assertThat(browser.path()).isEqualTo("/import/batches/" + batch + "/retract");
        assertThat(browser.text(By.id("retract-counts"))).startsWith(events + " events of 2 items");
        assertThat(events()).isEqualTo(before + events + 1); // the confirm step changes nothing
        browser.screenshot("retract-confirm");
        browser.submit(By.id("retract-cancel"));
        assertThat(browser.path()).isEqualTo("/import");
        assertThat(browser.text(By.cssSelector("tr[data-batch='" + batch + "'] .batch-status"))).isEqualTo("standing");

        browser.submit(By.cssSelector("tr[data-batch='" + batch + "'] .retract-link"));
        browser.submit(By.id("retract-confirm-button"));
        assertThat(browser.path()).startsWith("/import");
        assertThat(browser.text(By.id("import-flash"))).contains("Retracted batch " + batch)
                .contains(events + " events of 2 items");
        assertThat(browser.text(By.cssSelector("tr[data-batch='" + batch + "'] .batch-status"))).startsWith("retracted")
                .contains("Grace Lindqvist");
        assertThat(browser.all(By.cssSelector(".retract-link"))).isEmpty();
        assertThat(events()).isEqualTo(before + events + 2); // the ImportRetracted; nothing deleted
        show("import-batches");
        browser.screenshot("retracted");

        browser.go("/debt");
        assertThat(itemsOnDashboard()).isEqualTo(itemsBefore);
        assertThat(browser.text(By.id("debt-score"))).isEqualTo(scoreBefore);
        browser.screenshot("dashboard-after-retraction");
        browser.go("/items/MKT-1");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");

        // A retracted batch's confirm page says so; a second retraction changes nothing.
        browser.go("/import/batches/" + batch + "/retract");
        assertThat(browser.text(By.id("retract-already"))).contains("retracted already");
        assertThat(browser.all(By.id("retract-confirm-button"))).isEmpty();
        browser.go("/import/batches/0123456789ab/retract");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");
    }

    @Test
    void aMemberHasNoImportPage() {
        browser.signIn("maya");
        assertThat(browser.all(By.linkText("Import"))).isEmpty();
        browser.go("/import");
        assertThat(browser.text(By.tagName("h1"))).contains("Your role does not allow this");
    }

    /** Scrolls the element to the top of the window, for the screenshot. */
    private void show(String id) {
        browser.driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void setMapping(String yaml) {
        browser.driver.executeScript("document.getElementById('mapping').value = arguments[0]", yaml);
    }

    /** The dashboard's "N items, M events, …" line. */
    private long itemsOnDashboard() {
        Matcher m = Pattern.compile("(\\d+) items, \\d+ events").matcher(browser.find(By.tagName("main")).getText());
        assertThat(m.find()).as("the dashboard's item count").isTrue();
        return Long.parseLong(m.group(1));
    }
}
