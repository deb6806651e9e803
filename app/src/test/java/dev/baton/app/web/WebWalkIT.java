package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.event.EventStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The main paths of the web app in a real headless Chromium against a real server on a real
 * PostgreSQL with the demo model and users: a campaign request is submitted, accepted, moved
 * through a gated stage on the board, approved by the right people (and refused to the wrong
 * one), handed over and the handoff rejected; then the debt dashboard shows the same score as
 * {@code baton analyze --format json} on the same events. Screenshots: app/target/screenshots/walk.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebWalkIT extends BrowserWalk {

    WebWalkIT() {
        super("walk");
    }

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    EventStore store;

    String itemPath;

    @Test
    @Order(1)
    void signingInNeedsTheRightPasswordAndLandsOnHome() {
        browser.go("/model");
        assertThat(browser.path()).startsWith("/signin");
        browser.type(By.id("username"), "maya");
        browser.type(By.id("password"), "wrong");
        browser.submit(By.cssSelector("form button[type=submit]"));
        assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("do not match");
        browser.screenshot("sign-in-refused");
        browser.signIn("maya");
        assertThat(browser.text(By.tagName("h1"))).contains("Maya Chen");
        browser.screenshot("home");
    }

    @Test
    @Order(2)
    void theModelPageShowsFlowsRaciHandoffsOwnershipAndWarnings() {
        browser.signIn("maya");
        browser.go("/model");
        assertThat(browser.text(By.tagName("h1"))).contains("Northwind Analytics GTM").contains("version 1");
        WebElement launch = browser.find(By.id("wt-product-launch"));
        assertThat(launch.findElements(By.cssSelector("svg g.stage"))).hasSize(10);
        assertThat(launch.getText()).contains("Product management → Product marketing").contains("Messaging review");
        assertThat(browser.find(By.id("ownership")).getText()).contains("Brand guidelines");
        browser.screenshot("model");
    }

    @Test
    @Order(3)
    void aCampaignRequestIsSubmittedWithInlineErrorsFirst() {
        browser.signIn("maya");
        browser.go("/intake");
        browser.submit(By.linkText("Request a campaign (Campaign)"));
        browser.type(By.id("title"), "Spring webinars");
        browser.type(By.id("f-reach"), "lots");
        browser.submit(By.cssSelector("form.card button[type=submit]"));
        assertThat(browser.text(By.id("problem"))).isNotBlank();
        assertThat(browser.text(By.id("err-reach"))).contains("Reach");
        assertThat(browser.text(By.id("err-objective"))).contains("required");
        assertThat(browser.find(By.id("f-reach")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("intake-inline-errors");

        browser.type(By.id("f-campaign-name"), "Spring webinar series");
        browser.type(By.id("f-objective"), "Pipeline from mid-market accounts");
        browser.type(By.id("f-segment"), "Mid-market SaaS");
        new Select(browser.find(By.id("f-primary-metric"))).selectByValue("pipeline");
        browser.type(By.id("f-channel-mix"), "email\npaid-social");
        setDate("f-start-date", "2026-04-01");
        browser.type(By.id("f-budget"), "12000");
        browser.type(By.id("f-reach"), "4000");
        browser.type(By.id("f-impact"), "2");
        browser.type(By.id("f-confidence"), "80");
        browser.type(By.id("f-effort"), "5");
        browser.submit(By.cssSelector("form.card button[type=submit]"));
        assertThat(browser.path()).startsWith("/intake");
        WebElement queue = browser.find(By.id("queue"));
        assertThat(queue.getText()).contains("Spring webinars")
                .contains("RICE = reach 4000 × impact 2 × confidence 0.8 / effort 5 = 1280");
        browser.screenshot("intake-queue");
    }

    @Test
    @Order(4)
    void theRequestIsAcceptedByWhoeverHoldsTheFirstStage() {
        browser.signIn("nora");
        browser.go("/intake");
        WebElement row = browser.all(By.cssSelector("#queue tbody tr")).stream()
                .filter(r -> r.getText().contains("Spring webinars")).findFirst().orElseThrow();
        row.findElement(By.name("reason")).sendKeys("Fits the Q2 pipeline plan");
        row.findElement(By.cssSelector("button.primary")).click();
        browser.waitFor(() -> !browser.all(By.cssSelector(".flash.ok")).isEmpty());
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("accepted the request");
        browser.submit(By.id("created-item"));
        itemPath = browser.path();
        assertThat(itemPath).startsWith("/items/");
        assertThat(browser.text(By.id("stage"))).isEqualTo("Brief");
        assertThat(browser.find(By.id("f-campaign-name")).getAttribute("value")).isEqualTo("Spring webinar series");
        browser.screenshot("item-created");
    }

    @Test
    @Order(5)
    void onTheBoardTheGateBlocksTheMoveUntilTheRightPeopleApprove() {
        browser.signIn("nora");
        String id = itemPath.substring("/items/".length());
        browser.go("/boards/campaign");
        move(id, "brief-review");
        browser.waitFor(() -> columnOf(id).equals("brief-review"));
        move(id, "build");
        browser.waitFor(() -> !browser.all(By.cssSelector("#card-" + id + " .rule")).isEmpty());
        assertThat(browser.text(By.cssSelector("#card-" + id + " .rule")))
                .contains("Brief review needs approval from Nora Haddad and Maya Chen before Build");
        assertThat(columnOf(id)).isEqualTo("brief-review");
        browser.screenshot("board-gate-blocks");

        browser.go(itemPath);
        browser.submit(By.cssSelector("#approvals button.primary"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Nora Haddad approved Brief review");

        browser.signIn("jon");
        browser.go(itemPath);
        browser.submit(By.cssSelector("#approvals button.primary"));
        assertThat(browser.text(By.id("problem"))).contains("Only Nora Haddad or Maya Chen can approve Brief review");

        browser.signIn("maya");
        browser.go(itemPath);
        browser.type(By.id("approve-comment"), "Segment is sharp");
        browser.submit(By.cssSelector("#approvals button.primary"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Maya Chen approved Brief review");
        browser.screenshot("item-approved");

        browser.go("/boards/campaign");
        move(id, "build");
        browser.waitFor(() -> columnOf(id).equals("build"));
        browser.screenshot("board-moved-past-gate");
    }

    @Test
    @Order(6)
    void aRejectedHandoffShowsOnTheTimeline() {
        browser.signIn("jon");
        browser.go(itemPath);
        browser.type(By.id("f-landing-page"), "https://northwind.example/webinars");
        browser.type(By.id("f-utm-plan"), "https://northwind.example/utm/spring");
        browser.submit(By.cssSelector("#fields button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("updated");
        moveOnItemPage("qa");
        browser.submit(By.cssSelector("#approvals button.primary"));
        moveOnItemPage("live");
        moveOnItemPage("results");
        assertThat(browser.text(By.id("handoff"))).contains("Waiting for acceptance");

        browser.signIn("dev");
        assertThat(browser.text(By.id("handoffs-waiting"))).contains("Spring webinars");
        browser.screenshot("home-handoff-waiting");
        browser.go(itemPath);
        browser.type(By.id("reject-reason"), "The budget is a placeholder");
        browser.submit(By.cssSelector("#handoff button.danger"));
        WebElement last = browser.all(By.cssSelector("#timeline li")).stream()
                .filter(li -> "HandoffRejected".equals(li.getAttribute("data-type"))).findFirst().orElseThrow();
        assertThat(last.getText()).contains("Dev Patel").contains("rejected the handoff to Results")
                .contains("The budget is a placeholder");
        assertThat(browser.text(By.id("stage"))).isEqualTo("Live");
        browser.screenshot("timeline-handoff-rejected");
    }

    @Test
    @Order(7)
    void theDashboardShowsTheScoreTheCliGivesForTheSameEvents() throws Exception {
        browser.signIn("grace");
        browser.go("/debt");
        String shown = browser.text(By.id("debt-score"));
        browser.waitFor(() -> !browser.all(By.cssSelector(".chart svg")).isEmpty());
        browser.screenshot("debt-dashboard");

        Map<String, Object> json = CliReport.of(store, ROOT.resolve("examples/b2b-saas.yaml"));
        double score = ((Number) json.get("score")).doubleValue();
        assertThat(shown).isEqualTo(String.format(Locale.ROOT, "%.1f", score));

        browser.submit(By.cssSelector("#components a"));
        assertThat(browser.text(By.tagName("h2"))).startsWith("Evidence");
        browser.screenshot("debt-drill-down");
    }

    private void move(String id, String stage) {
        WebElement card = browser.find(By.id("card-" + id));
        new Select(card.findElement(By.name("stage"))).selectByValue(stage);
        card.findElement(By.cssSelector("form button")).click();
    }

    private String columnOf(String id) {
        List<WebElement> cards = browser.all(By.id("card-" + id));
        if (cards.isEmpty()) {
            return "";
        }
        return cards.get(0).findElement(By.xpath("ancestor::section[@data-column]")).getAttribute("data-column");
    }

    private void moveOnItemPage(String stage) {
        new Select(browser.find(By.id("move-stage"))).selectByValue(stage);
        browser.submit(By.cssSelector("form[action$='/move-to'] button"));
        assertThat(browser.all(By.id("problem"))).as("refused: %s", browser.all(By.id("problem")).stream()
                .map(WebElement::getText).toList()).isEmpty();
    }

    private void setDate(String id, String value) {
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }
}
