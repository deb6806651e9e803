package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.assist.AssistEvent.DraftAccepted;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
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
 * The assistants in a real headless Chromium against a real server on a real PostgreSQL, on the
 * demo's simulated quarter (campaigns are ready for AI there): Nora drafts a campaign brief from a
 * request at intake, sees where each value came from and the similar past requests with a routing
 * suggestion, edits the audience and takes it: the item is created by her, and the draft's
 * acceptance names the assistant. She asks for the item's summary for a newcomer and keeps it, reads
 * the weekly report's narrative with its citations, and finds both drafts in the ledger. Initiatives
 * are not ready: the page says what fails and what would fix it. Screenshots: app/target/screenshots/assist.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.demo=true", "baton.demo.history=true"})
class AssistWalkIT extends BrowserWalk {

    static final String REQUEST = "Webinar series for fintech CFOs in the UK to grow pipeline from mid-market accounts. "
            + "Starting 2026-04-01, budget $20k, reach 400 accounts, impact 2, confidence 80%, effort 3 person-weeks. "
            + "Campaign name: UK CFO webinars. Primary metric: pipeline. Channel mix: webinar.";

    AssistWalkIT() {
        super("assist");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    EventStore store;

    @Test
    void aDraftedBriefTakenWithAnEditBecomesTheirOwnItemAndTheLedgerCountsIt() {
        browser.signIn("nora");
        browser.go("/intake");
        browser.submit(By.id("assist-draft-link"));
        assertThat(browser.text(By.id("gate-brief-draft-initiative"))).contains("Not ready for AI", "Fix:");
        new Select(browser.find(By.id("workType"))).selectByValue("campaign");
        browser.type(By.id("request"), REQUEST);
        browser.screenshot("intake-request");
        browser.submit(By.id("draft-button"));

        assertThat(browser.find(By.id("f-start-date")).getAttribute("value")).isEqualTo("2026-04-01");
        assertThat(browser.text(By.id("source-start-date"))).contains("stated in the request");
        assertThat(browser.find(By.id("title")).getAttribute("value")).as("the drafted name").isEqualTo("UK CFO webinars");
        assertThat(browser.text(By.id("similar"))).contains("Routing suggestion");
        assertThat(browser.text(By.id("routing"))).startsWith("Work type");
        browser.screenshot("draft");
        for (WebElement missing : browser.all(By.cssSelector("#accept-form input[id^='f-']"))) {
            if (missing.getAttribute("value").isEmpty() && missing.getAttribute("id").matches("f-(reach|impact|confidence|effort)")) {
                missing.sendKeys("3");
            }
        }
        browser.type(By.id("f-segment"), "Fintech CFOs and finance directors in the UK and Ireland");
        browser.type(By.id("title"), "UK CFO webinars");
        String item = takeAsOwn(browser, store, "nora.haddad");
        browser.screenshot("item-created");

        browser.submit(By.id("assist-summary"));
        assertThat(browser.text(By.id("summary"))).contains("UK CFO webinars").contains(item + "#1");
        browser.screenshot("summary");
        browser.submit(By.id("summary-helpful"));

        browser.go("/reports/weekly");
        List<WebElement> sentences = browser.all(By.cssSelector("#narrative .narrative-sentence"));
        assertThat(sentences).isNotEmpty();
        assertThat(browser.all(By.cssSelector("#narrative a.citation"))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getText()).matches("\\[[a-zA-Z]+#\\d+\\]|\\[debt\\]"));
        browser.screenshot("weekly-narrative");

        browser.go("/assist/ledger");
        WebElement briefs = browser.find(By.cssSelector("#ledger tr[data-assistant='brief-draft']"));
        assertThat(briefs.getText()).contains("Campaign");
        List<WebElement> cells = briefs.findElements(By.tagName("td"));
        assertThat(cells.get(2).getText()).isEqualTo("1");
        assertThat(cells.get(4).getText()).as("taken after edits").isEqualTo("1");
        WebElement summaries = browser.find(By.cssSelector("#ledger tr[data-assistant='item-summary']"));
        assertThat(summaries.findElements(By.tagName("td")).get(3).getText()).as("taken unchanged").isEqualTo("1");
        browser.screenshot("ledger");

        browser.go("/learning/themes");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("What keeps coming back");
        browser.screenshot("themes");
    }

    /**
     * Takes the draft on the page (with the edits made) and checks what that records: the item created
     * by the person's own command, and the draft's acceptance by them naming the assistant and an edit.
     * Answers the item.
     */
    static String takeAsOwn(Browser browser, EventStore store, String person) {
        browser.submit(By.id("accept-button"));
        assertThat(browser.path()).startsWith("/items/");
        String item = browser.path().substring("/items/".length());
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Created from the brief-draft draft, as your own command");
        RecordedEvent created = store.read(item).get(0);
        assertThat(created.event()).isInstanceOf(ItemCreated.class);
        assertThat(created.actor()).isEqualTo(person);
        List<RecordedEvent> accepted = store.readAll(0, Integer.MAX_VALUE).stream()
                .filter(e -> AssistEvent.isAssistStream(e.stream()) && e.event() instanceof DraftAccepted a
                        && item.equals(a.item())).toList();
        assertThat(accepted).singleElement().satisfies(e -> {
            assertThat(((DraftAccepted) e.event()).assistant()).isEqualTo("brief-draft");
            assertThat(((DraftAccepted) e.event()).editedShare()).isGreaterThan(0);
            assertThat(e.actor()).isEqualTo(person);
        });
        return item;
    }
}
