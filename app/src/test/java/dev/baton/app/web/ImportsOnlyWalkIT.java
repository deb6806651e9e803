package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.notify.NotificationSchedule;
import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15's "done when", walked in a real headless Chromium: a server whose history was built
 * only from imports, with no item created in Baton. Grace uploads, on the Import page, the Jira,
 * GitLab and Trello exports of one web team (src/test/resources/tool-switching), the shared real
 * exports of ../shared/datasets/tool-exports when that directory is there (their part is skipped
 * otherwise), and three calendars at once (src/test/resources/imports-only/calendars: a preview first,
 * which stores nothing). The dashboard then shows tool switching and meeting load with their
 * evidence (and no private meeting's title or attendees), the weekly report covers the imported week,
 * with the assistant's cited narrative on top, an imported item's summary for a newcomer (or what its
 * gate lacks), the intake assistants' fixes and the ledger, and the inbox is empty and says why;
 * initiatives entered on the roadmap page are planned against the imported model's people.
 * Retracting the calendars' batch takes the meeting load away.
 * Screenshots: app/target/screenshots/imports-only.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.demo=true", "baton.notifications.every=0", "baton.model.file=imports-only/model.yaml"})
class ImportsOnlyWalkIT extends BrowserWalk {

    ImportsOnlyWalkIT() {
        super("imports-only");
    }

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;
    static final Path HERE = ROOT.resolve("app/src/test/resources/imports-only");
    static final Path FIXTURES = ROOT.resolve("app/src/test/resources/tool-switching");
    static final Path GOLDEN = ROOT.resolve("app/src/test/resources/golden");
    static final Path SHARED = ROOT.resolve("../shared/datasets/tool-exports").normalize();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
        registry.add("baton.model.source", () -> read(HERE.resolve("model.yaml")));
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationSchedule schedule;

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void aHistoryOfImportsOnlyShowsToolSwitchingMeetingLoadTheWeeklyReportAndAnEmptyInbox() {
        browser.signIn("grace");
        List<String> batches = importToolExports(browser);
        boolean shared = Files.isDirectory(SHARED);

        // Three calendars at once: previewed (nothing stored), then imported as one batch.
        Path[] calendars = {HERE.resolve("calendars/maya.ics"), HERE.resolve("calendars/sam.ics"),
                HERE.resolve("calendars/ut-team.ics")};
        long before = count("select count(*) from events");
        choose(browser, "calendar", HERE.resolve("calendar-mapping.yaml"), calendars);
        browser.find(By.id("preview")).click();
        browser.waitFor(() -> !browser.all(By.id("import-summary")).isEmpty() || !browser.all(By.id("import-problem")).isEmpty());
        assertThat(browser.all(By.id("import-problem"))).isEmpty();
        // Status sync on 2 and 16 March (9 March excepted), the pricing meeting, the review in two calendars
        // merged into one, and the UT team's two: 6 instances; the cancelled brief review and Maya's focus time are not.
        assertThat(browser.text(By.id("import-events"))).isEqualTo("6");
        assertThat(browser.text(By.id("import-calendar-note"))).contains("once per attendee");
        assertThat(browser.text(By.id("import-unmapped"))).contains("pat@agency.example");
        assertThat(count("select count(*) from events")).isEqualTo(before);
        browser.screenshot("calendars-previewed");
        browser.find(By.id("import")).click();
        browser.waitFor(() -> !browser.all(By.id("import-done")).isEmpty());
        String calendarBatch = browser.find(By.cssSelector("#import-batch code")).getText();
        assertThat(browser.text(By.cssSelector("#import-summary h2"))).contains("maya.ics, sam.ics, ut-team.ics");
        assertThat(count("select count(*) from events")).isEqualTo(before + 6 + 1);
        browser.screenshot("calendars-imported");

        // No item was created in Baton: every event is an import batch's (or a batch's own record),
        // and the notifier, run over the whole log, tells no one.
        assertThat(count("select count(*) from events where batch_id is null and stream not like 'import:%'")).isZero();
        schedule.runOnce(Instant.now());
        assertThat(count("select count(*) from notifications")).isZero();

        browser.go("/debt");
        String tools = browser.text(By.id("tool-switching"));
        String meetings = browser.text(By.id("meeting-load"));
        System.out.println("imports-only walk (shared exports " + (shared ? "imported" : "absent") + "):\n"
                + browser.text(By.id("debt-score")) + " debt score; " + browser.text(By.id("score-meetings")) + "\n"
                + tools + "\n---\n" + meetings);
        assertThat(browser.text(By.id("tool-switching-summary"))).contains("switches between");
        assertThat(browser.text(By.id("tool-integrations"))).contains("jira ↔ trello");
        assertThat(browser.text(By.id("tool-duplicates"))).contains("MKT-1");
        assertThat(browser.text(By.id("score-meetings"))).contains("meeting load").contains("of capacity");
        assertThat(browser.text(By.id("meeting-load-coverage"))).contains("4 of 7 people");
        assertThat(browser.text(By.id("meeting-people"))).contains("Maya Chen", "Sam Lee", "Daniel Vacanti", "Developer");
        assertThat(browser.text(By.id("meeting-functions"))).contains("Marketing", "Product", "Engineering");
        assertThat(browser.text(By.id("meeting-linked"))).contains("Landing page review MKT-1", "Sam Lee and Maya Chen");
        assertThat(browser.text(By.id("meeting-task-evidence"))).contains("MKT-2", "Pricing page", "Sam Lee", "30 min");
        if (shared) {
            assertThat(browser.text(By.id("meeting-linked"))).contains("Test review UT-27");
        }
        // Privacy: the status sync names no work; its hours count, its title and attendees are not shown.
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Web team status sync", "pat@agency.example");
        show("tool-switching");
        browser.screenshot("dashboard-tool-switching");
        show("meeting-load");
        browser.screenshot("dashboard-meeting-load");
        browser.submit(By.cssSelector("#meeting-linked a[href='/items/MKT-1']"));
        assertThat(browser.path()).isEqualTo("/items/MKT-1");
        assertThat(browser.text(By.id("imported-note"))).contains("Imported history");

        // The weekly report of the imported week (2–8 March 2026): the web team's items with links.
        browser.go("/reports/weekly?week=2026-W10");
        assertThat(browser.text(By.tagName("h1"))).contains("2026-W10");
        String report = browser.text(By.id("report"));
        System.out.println("weekly report 2026-W10:\n" + report);
        assertThat(report).contains("MKT-1");
        // the assistant's narrative on top of it: the report's facts only, each cited, linked to the imported items
        assertThat(browser.all(By.cssSelector("#narrative .narrative-sentence"))).isNotEmpty();
        assertThat(browser.all(By.cssSelector("#narrative a.citation"))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getAttribute("href")).containsAnyOf("/items/", "#debt"));
        browser.screenshot("weekly-report");

        // An imported item's summary for a newcomer, or the gate's failing conditions with their fixes
        browser.go("/items/MKT-1");
        browser.submit(By.id("assist-summary"));
        String summary = browser.find(By.tagName("main")).getText();
        assertThat(summary).satisfiesAnyOf(s -> assertThat(s).contains("MKT-1#1"), s -> assertThat(s).contains("Fix:"));
        browser.screenshot("assist-summary");
        // The intake has no forms in this model: the assistants there say so and what would fix it; the ledger is empty
        browser.go("/assist/intake");
        assertThat(browser.text(By.id("gate-similar-requests"))).contains("Not ready for AI", "Fix:");
        browser.go("/assist/ledger");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Assistants: leverage or overhead");
        assertThat(browser.find(By.tagName("main")).getText()).containsAnyOf("item-summary", "No draft offered yet");

        browser.go("/inbox");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Nothing waits for you");
        assertThat(browser.text(By.id("inbox-imported"))).contains("imported (" + (batches.size() + 1) + " import batches)")
                .contains("tells no one");
        assertThat(browser.all(By.id("inbox"))).isEmpty();
        browser.screenshot("inbox-empty");

        // The roadmap on a server of imports only: initiatives entered on the page, planned against the
        // imported model's people (marketing: three full-timers, 144 person-days a quarter; product: 96).
        browser.go("/roadmap?quarters=2026-Q2..2026-Q3");
        RoadmapWalkIT.enter(browser, "pricing-relaunch", "Pricing page relaunch", "40", "", "", "marketing", "100");
        RoadmapWalkIT.enter(browser, "ut-dashboard", "UT dashboard", "30", "pricing-relaunch", "", "product", "120");
        assertThat(browser.text(By.id("row-pricing-relaunch"))).contains("2026-Q2");
        assertThat(browser.find(By.id("row-ut-dashboard")).getAttribute("data-status")).isEqualTo("out");
        assertThat(browser.text(By.id("verdicts"))).contains("'UT dashboard' needs 120 person-days of product");
        assertThat(browser.text(By.id("capacity-table"))).contains("100 / 144");
        browser.waitFor(() -> !browser.all(By.cssSelector("#gantt-chart svg")).isEmpty());
        browser.waitFor(() -> !browser.all(By.cssSelector("#capacity-heatmap svg")).isEmpty());
        browser.screenshot("roadmap-on-imports-only");

        // The calendars are one batch: retracted, and the dashboard has no meeting load any more.
        browser.go("/import");
        browser.submit(By.cssSelector("tr[data-batch='" + calendarBatch + "'] .retract-link"));
        browser.submit(By.id("retract-confirm-button"));
        assertThat(browser.text(By.id("import-flash"))).contains("Retracted batch " + calendarBatch);
        browser.go("/debt");
        assertThat(browser.all(By.id("meeting-load"))).isEmpty();
        assertThat(browser.all(By.id("tool-switching"))).isNotEmpty();
    }

    /**
     * Imports, on the Import page, the web team's Jira, GitLab and Trello exports and, when ../shared is
     * there, the shared real exports; answers the batches stored. Shared with ImportsOnlyOutcomesWalkIT.
     */
    static List<String> importToolExports(Browser browser) {
        List<String> batches = new ArrayList<>();
        for (String tool : List.of("jira-json:jira", "gitlab-events:gitlab", "trello-json:trello")) {
            String[] kind = tool.split(":");
            batches.add(importOnPage(browser, kind[0], HERE.resolve(kind[1] + "-mapping.yaml"), FIXTURES.resolve(kind[1] + ".json")));
        }
        if (Files.isDirectory(SHARED)) {
            batches.add(importOnPage(browser, "jira-json", GOLDEN.resolve("jira-ut-mapping.yaml"),
                    SHARED.resolve("jira-cloud-search-with-changelog_actionableagile.json")));
            batches.add(importOnPage(browser, "gitlab-events", GOLDEN.resolve("gitlab-mapping.yaml"),
                    SHARED.resolve("gitlab-resource-label-events_gitlab4j.json")));
            batches.add(importOnPage(browser, "trello-json", GOLDEN.resolve("trello-mapping.yaml"),
                    SHARED.resolve("trello-board-export_nextcloud-deck.json")));
        } else {
            System.out.println("imports-only walk: " + SHARED + " absent, the shared exports' part is skipped");
        }
        return batches;
    }

    private void choose(String kind, Path mapping, Path... files) {
        choose(browser, kind, mapping, files);
    }

    /** Fills the Import page's form: the kind, the files (several only for calendars) and the mapping's YAML. */
    static void choose(Browser browser, String kind, Path mapping, Path... files) {
        browser.go("/import");
        new Select(browser.find(By.id("kind"))).selectByValue(kind);
        browser.find(By.id("file")).sendKeys(String.join("\n", Arrays.stream(files).map(Path::toString).toList()));
        browser.driver.executeScript("document.getElementById('mapping').value = arguments[0]", read(mapping));
    }

    /** Imports on the Import page and answers the batch stored. */
    static String importOnPage(Browser browser, String kind, Path mapping, Path... files) {
        choose(browser, kind, mapping, files);
        browser.find(By.id("import")).click();
        browser.waitFor(() -> !browser.all(By.id("import-done")).isEmpty() || !browser.all(By.id("import-problem")).isEmpty());
        assertThat(browser.all(By.id("import-problem"))).as(kind + " " + Arrays.toString(files)).isEmpty();
        return browser.find(By.cssSelector("#import-batch code")).getText();
    }

    private void show(String id) {
        browser.driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
