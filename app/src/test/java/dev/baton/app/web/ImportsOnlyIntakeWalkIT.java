package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16's last "done when", walked in a real headless Chromium: the assistants on a server whose
 * history was built only from imports (as {@link ImportsOnlyWalkIT}: the web team's Jira, GitLab and
 * Trello exports and the shared real ones when present) plus requests submitted through intake.
 * Grace uploads a version of the model with an intake form, its template and a prioritisation scheme
 * (the intake's readiness then passes); Maya submits two requests for pages on the form; on the
 * second she opens "Draft the brief": the first is now a similar past request. Tasks are not ready for
 * AI on an imported history, so the page lists what fails and its fixes, and an admin enables the
 * assistant with a reason; Maya takes the draft with an edit: the task is hers, the assistant is
 * named, and the ledger counts it under the override with its before and after.
 * Screenshots: app/target/screenshots/imports-only-intake.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.demo=true", "baton.notifications.every=0", "baton.model.file=imports-only/model.yaml"})
class ImportsOnlyIntakeWalkIT extends BrowserWalk {

    /** What the team adds to the imported model: tasks get a brief, and pages are asked for on a form. */
    static final String INTAKE = """
            templates:
              - id: page-request
                name: Page request
                fields:
                  - { id: page-name, type: text, required: true }
                  - { id: audience, type: text, required: true }
                  - { id: strategic-fit, type: number, required: true, description: 1 (low) to 5 (high) }
            intake:
              forms:
                - { id: page-request, name: Ask for a page, template: page-request, work-type: task, submitters: [marketing] }
              prioritization:
                scheme: weighted
                weights:
                  strategic-fit: 1
            """;

    static final String FIRST = "Pricing page for the new team plan";
    static final String SECOND = "Pricing page for the team plan in Germany";

    ImportsOnlyIntakeWalkIT() {
        super("imports-only-intake");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
        registry.add("baton.model.source", () -> ImportsOnlyWalkIT.read(ImportsOnlyWalkIT.HERE.resolve("model.yaml")));
    }

    @Autowired
    EventStore store;

    @Autowired
    Users users;

    @Test
    void requestsSubmittedAtIntakeAreDraftedIntoTasksOnAnImportedHistory() throws IOException {
        // Maya (marketing) and the administrator are people of the imported model
        users.create("maya.chen", "baton-demo", Role.MEMBER, "maya");
        users.create("root", "baton-demo", Role.ADMIN, "root");
        browser.signIn("grace");
        ImportsOnlyWalkIT.importToolExports(browser);

        // Grace uploads the model with an intake form, as a new version
        String model = ImportsOnlyWalkIT.read(ImportsOnlyWalkIT.HERE.resolve("model.yaml"))
                .replace("  - id: task\n    name: Task\n", "  - id: task\n    name: Task\n    template: page-request\n") + INTAKE;
        Path file = Files.createTempFile("imports-only-with-intake", ".yaml");
        Files.writeString(file, model);
        browser.go("/model");
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(By.cssSelector("form[action$='/model'] button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("as model version 2");

        // Maya submits two requests on the form
        browser.signIn("maya.chen");
        submit(FIRST, "Small teams comparing plans", "4");
        submit(SECOND, "Small teams in Germany", "3");
        assertThat(store.readAll(0, Integer.MAX_VALUE).stream().filter(e -> e.event() instanceof RequestSubmitted)
                .map(e -> e.actor()).toList()).containsExactly("maya", "maya");

        // The intake is ready for AI now; tasks, measured on an imported history, are not: what fails and its fixes
        browser.go("/intake");
        browser.submit(By.id("assist-draft-link"));
        assertThat(browser.text(By.id("gate-similar-requests"))).contains("ready for AI").doesNotContain("Not ready");
        String gate = browser.text(By.id("gate-brief-draft-task"));
        browser.screenshot("gates");
        // a few imported tasks, no exit fields, no owner kept on them: the debt report's AI readiness fails
        assertThat(gate).contains("Not ready for AI", "Visible system of record", "Fix:");
        assertThat(browser.all(By.cssSelector("#gate-brief-draft-task li[data-condition]"))).isNotEmpty();
        assertThat(browser.all(By.cssSelector("#gate-brief-draft-task form"))).as("only an admin enables").isEmpty();
        browser.signIn("root");
        browser.go("/assist/intake");
        browser.type(By.id("enable-brief-draft-task"), "pilot on page requests while tasks get their structure");
        browser.submit(By.cssSelector("#gate-brief-draft-task form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Enabled brief-draft for task");
        assertThat(browser.text(By.id("gate-brief-draft-task"))).contains("enabled by an admin");
        browser.screenshot("enabled");
        browser.signIn("maya.chen");
        browser.go("/assist/intake");
        assertThat(browser.text(By.id("gate-brief-draft-task"))).doesNotContain("Not ready for AI.");

        // Drafting the second request: the first is a similar past request
        new Select(browser.find(By.id("workType"))).selectByValue("task");
        browser.type(By.id("request"), SECOND + ", for small teams in Germany. Strategic fit 3.");
        browser.submit(By.id("draft-button"));
        assertThat(browser.text(By.id("similar"))).contains(FIRST);
        browser.screenshot("draft");
        for (WebElement missing : browser.all(By.cssSelector("#accept-form input[id^='f-']"))) {
            if (missing.getAttribute("value").isEmpty()) {
                missing.sendKeys(missing.getAttribute("id").equals("f-strategic-fit") ? "3" : "Team plan pricing, Germany");
            }
        }
        // her edit
        browser.type(By.id("f-audience"), "Small teams and agencies in Germany, Austria and Switzerland");
        browser.type(By.id("title"), "Team plan pricing page (DACH)");
        AssistWalkIT.takeAsOwn(browser, store, "maya");
        browser.screenshot("task-created");

        // The ledger counts it, with the tasks' coordination share and hours lost before the assistant came
        browser.go("/assist/ledger");
        WebElement row = browser.find(By.cssSelector("#ledger tr[data-assistant='brief-draft'][data-work-type='Task']"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(2).getText()).as("offered").isEqualTo("1");
        assertThat(cells.get(4).getText()).as("taken after edits").isEqualTo("1");
        String change = row.findElement(By.cssSelector("td.before-after")).getText();
        System.out.println("imports-only ledger, tasks: " + change.replace('\n', ' '));
        assertThat(change).contains("coordination", "lost", "brief-draft (enabled by root on");
        assertThat(row.getText()).contains("1 draft(s) under an override", "pilot on page requests");
        browser.screenshot("ledger");
    }

    /** Submits the page-request form as its submitter would. */
    private void submit(String page, String audience, String fit) {
        browser.go("/intake/forms/page-request");
        browser.type(By.id("title"), page);
        browser.type(By.id("f-page-name"), page);
        browser.type(By.id("f-audience"), audience);
        browser.type(By.id("f-strategic-fit"), fit);
        browser.submit(By.cssSelector("form.card button[type=submit]"));
        assertThat(browser.path()).startsWith("/intake");
        assertThat(browser.all(By.cssSelector(".flash.bad"))).isEmpty();
    }
}
