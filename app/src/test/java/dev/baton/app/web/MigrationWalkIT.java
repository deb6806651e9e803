package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.Examples;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Migrating work in flight in a real headless Chromium against a real server on a real
 * PostgreSQL: ops uploads version 2 of the demo model (no QA stage for campaigns, no content
 * assets) on the model page, follows the link to migrate, is refused a mapping to a stage version 2
 * lacks, previews the right one (nothing stored) and applies it; the campaign then shows on its
 * board and item page under version 2, and the asset board stays, marked as from version 1, while
 * its items are open. A member has no Migrate page. Screenshots: app/target/screenshots/migration.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
class MigrationWalkIT extends BrowserWalk {

    MigrationWalkIT() {
        super("migration");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    Engine engine;

    @Autowired
    JdbcTemplate jdbc;

    long events() {
        return jdbc.queryForObject("select count(*) from events", Long.class);
    }

    /** A campaign of version 1 taken to QA with everything version 2 asks for, through the engine. */
    String campaignAtQa() {
        Map<String, Object> brief = new LinkedHashMap<>(Map.of("campaign-name", "Autumn webinars", "objective", "Pipeline",
                "segment", "Mid-market SaaS", "primary-metric", "pipeline", "channel-mix", List.of("email"),
                "start-date", "2026-09-01", "reach", 4000, "impact", 2, "confidence", 80, "effort", 5));
        CommandResult created = engine.create(new WorkItemId("autumn-webinars"), null, new Actor("nora.haddad"),
                new WorkItemCommand.CreateItem("campaign", "Autumn webinars", brief, null, null));
        assertThat(created.rejected()).as("%s", created).isFalse();
        WorkItemId id = new WorkItemId("autumn-webinars");
        run(id, "nora.haddad", new WorkItemCommand.MoveTo("brief-review"));
        run(id, "nora.haddad", new WorkItemCommand.Approve(null));
        run(id, "maya.chen", new WorkItemCommand.Approve(null));
        run(id, "jon.ito", new WorkItemCommand.MoveTo("build"));
        run(id, "jon.ito", new WorkItemCommand.UpdateFields(Map.of("landing-page", "https://nw.example/autumn",
                "utm-plan", "https://nw.example/utm", "budget", 9000)));
        run(id, "jon.ito", new WorkItemCommand.MoveTo("qa"));
        return id.value();
    }

    void run(WorkItemId id, String person, WorkItemCommand command) {
        CommandResult r = engine.handle(id, null, null, new Actor(person), command);
        assertThat(r.rejected()).as("%s", r).isFalse();
    }

    @Test
    void opsUploadsAVersionPreviewsAndMigratesAndTheBoardsFollow() throws Exception {
        String item = campaignAtQa();
        CommandResult asset = engine.create(new WorkItemId("launch-blog"), null, new Actor("sam.rivera"),
                new WorkItemCommand.CreateItem("asset", "Launch blog", Map.of("asset-type", "blog-post", "audience-note",
                        "Data platform admins", "key-message", "Alerts before the invoice", "call-to-action", "Start a trial",
                        "due-date", "2026-10-01"), null, null));
        assertThat(asset.rejected()).as("%s", asset).isFalse();
        Path v2 = Files.createTempFile("b2b-saas-v2", ".yaml");
        Files.writeString(v2, Examples.b2bSaasV2());

        browser.signIn("grace");
        browser.go("/model");
        browser.find(By.id("file")).sendKeys(v2.toAbsolutePath().toString());
        browser.submit(By.cssSelector("form[action$='/model'] button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("as model version 2");
        browser.screenshot("uploaded-version-2");

        browser.submit(By.id("migrate-link"));
        assertThat(browser.path()).startsWith("/migrations?from=1&to=2");
        assertThat(browser.text(By.id("unmapped"))).contains("campaign/qa");

        long before = events();
        browser.type(By.id("map"), "qa=launch");
        browser.submit(By.id("preview"));
        assertThat(browser.text(By.id("migration-problems"))).contains("map[1] 'qa=launch'")
                .contains("version 2 has no stage 'launch' in campaign");
        browser.screenshot("mapping-refused");

        browser.type(By.id("map"), "qa=live");
        browser.submit(By.id("preview"));
        String row = browser.text(By.cssSelector("#migration-preview tr[data-item='" + item + "']"));
        assertThat(row).contains("qa").contains("live").contains("moves");
        assertThat(browser.text(By.cssSelector("#migration-preview tr[data-item='launch-blog']")))
                .contains("refused").contains("Version 2 has no work type 'asset'");
        assertThat(events()).as("a preview stores nothing").isEqualTo(before);
        browser.screenshot("preview");

        browser.submit(By.id("apply"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).startsWith("Migrated").contains("to version 2");
        assertThat(engine.item(new WorkItemId(item)).orElseThrow().modelVersion()).isEqualTo(2);
        browser.screenshot("applied");

        browser.go("/items/" + item);
        assertThat(browser.text(By.tagName("body"))).contains("migrated it from model version 1 (QA) to version 2 (Live)");
        browser.screenshot("item-under-version-2");
        browser.go("/boards/campaign");
        assertThat(browser.text(By.cssSelector("[data-column='live']"))).contains("Autumn webinars");
        browser.go("/boards/asset");
        assertThat(browser.text(By.cssSelector(".flash.warn"))).contains("From model version 1");
        assertThat(browser.all(By.linkText("Content asset (from version 1)"))).hasSize(1);
        browser.screenshot("asset-board-from-version-1");

        // what changed, line by line, and which open items of version 1 it still affects
        browser.go("/model");
        browser.submit(By.id("compare-versions"));
        assertThat(browser.path()).startsWith("/model/compare");
        assertThat(browser.all(By.cssSelector("#model-changes li")).stream().map(e -> e.getText()).toList())
                .anyMatch(t -> t.contains("Stage qa removed from Campaign"))
                .anyMatch(t -> t.contains("Campaign › build: exit fields + budget"))
                .anyMatch(t -> t.contains("Work type Content asset (asset) removed"))
                .anyMatch(t -> t.contains("Campaign: transitions − qa → build"))
                .anyMatch(t -> t.contains("Intake form Request content (content-request) removed"));
        assertThat(browser.all(By.cssSelector("#yaml-diff .removed")).stream().map(e -> e.getText()).toList())
                .anyMatch(t -> t.contains("- id: qa"));
        assertThat(browser.all(By.cssSelector("#yaml-diff .added")).stream().map(e -> e.getText()).toList())
                .anyMatch(t -> t.contains("exit: [landing-page, utm-plan, budget]"));
        assertThat(browser.text(By.id("affected"))).contains("cannot yet").contains("work-type-missing")
                .contains("Already migrated: 1");
        browser.screenshot("compare-1-2");
        browser.go("/model/compare?from=2&to=2");
        assertThat(browser.text(By.id("no-changes"))).contains("Nothing in the model changed");
    }

    @Test
    void aMemberHasNoMigratePage() {
        browser.signIn("maya");
        browser.go("/migrations");
        assertThat(browser.text(By.tagName("h1"))).contains("Your role does not allow this");
    }
}
