package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.notify.NotificationSchedule;
import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.insight.weekly.Week;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inbox and the weekly report in a real headless Chromium: Nora asks for an approval, Maya
 * sees it waiting in her inbox with the unread count in the navigation, opens it and marks it
 * read; then the weekly report of this week lists the campaign with a link to its page.
 * Screenshots: app/target/screenshots/inbox.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.demo=true", "baton.notifications.every=0"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxWalkIT extends BrowserWalk {

    InboxWalkIT() {
        super("inbox");
    }

    static final String BRIEF = """
            {"campaign-name": "Spring webinar series", "objective": "Pipeline from mid-market accounts",
             "segment": "Mid-market SaaS", "primary-metric": "pipeline", "channel-mix": ["email", "paid-social"],
             "start-date": "2026-04-01", "reach": 4000, "impact": 2, "confidence": 80, "effort": 5}""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    NotificationSchedule schedule;

    String item;

    @BeforeAll
    void open() throws Exception {
        item = "walk-" + System.nanoTime();
        post("/api/v1/items", "{\"id\": \"" + item + "\", \"workType\": \"campaign\", \"title\": \"Spring webinars\", "
                + "\"fields\": " + BRIEF + "}");
        post("/api/v1/items/" + item + "/move-to", "{\"stage\": \"brief-review\"}");
        post("/api/v1/items/" + item + "/request-approval", "");
        schedule.runOnce(Instant.now());
    }

    /** As Nora, over the API. */
    void post(String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("nora:baton-demo".getBytes()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    }

    @Test
    @Order(1)
    void aWaitingApprovalShowsInTheInboxAndIsMarkedRead() {
        browser.signIn("maya");
        assertThat(browser.text(By.id("unread"))).isEqualTo("1");
        browser.submit(By.id("nav-inbox"));
        assertThat(browser.path()).isEqualTo("/inbox");
        assertThat(browser.text(By.cssSelector("#inbox tr.unread"))).contains("approval")
                .contains("Nora Haddad asks for your approval at Brief review").contains("Spring webinars");
        browser.screenshot("inbox-unread");
        browser.submit(By.cssSelector("#inbox tr.unread button.mark-read"));
        assertThat(browser.all(By.cssSelector("#inbox tr.unread"))).isEmpty();
        assertThat(browser.text(By.cssSelector("#inbox tr.read"))).contains("Spring webinars").contains("read");
        assertThat(browser.all(By.id("unread"))).isEmpty();
        browser.screenshot("inbox-read");
        browser.submit(By.linkText("Spring webinars"));
        assertThat(browser.path()).isEqualTo("/items/" + item);
    }

    @Test
    @Order(2)
    void theWeeklyReportOfThisWeekListsTheCampaignWithALinkToIt() {
        browser.signIn("maya");
        browser.go("/reports/weekly");
        assertThat(browser.text(By.tagName("h1"))).contains("Weekly status: everyone");
        String thisWeek = Week.containing(Instant.now(), ZoneOffset.UTC).key();
        browser.type(By.id("week"), thisWeek);
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("team"))).selectByValue("pmm-team");
        browser.submit(By.id("show-report"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Weekly status: Product marketing team (team), " + thisWeek);
        assertThat(browser.text(By.id("report"))).contains("Spring webinars").contains("waits on approval from");
        browser.screenshot("weekly-report");
        browser.submit(By.cssSelector("#report a[href='/items/" + item + "']"));
        assertThat(browser.path()).isEqualTo("/items/" + item);
    }
}
