package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.PastCampaign;
import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.version.ModelVersions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The learning loop in a real headless Chromium against a real server on a real PostgreSQL
 * (docs/learning-loops.md): Nora completes a campaign whose history ran over the last weeks, finds
 * its post-mortem offered on the learning page, sees the facts pre-filled from its log (late by its
 * end date, the brief review over its SLA, QA's rework, the rejected handoff and its reason, no
 * outcome data yet), writes what went well and what to change, and turns a finding into an insight
 * that proposes an SLA for the build stage. She may not decide on it; Grace (ops) sees the YAML diff
 * with its validation and accepts it: model version 2 has the SLA line. Grace then declines another
 * proposal with a reason, and the insight log finds the insight by a word and by its component.
 * Screenshots: app/target/screenshots/learning.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
class LearningWalkIT extends BrowserWalk {

    LearningWalkIT() {
        super("learning");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    EventStore store;

    @Autowired
    ModelVersions versions;

    String text(String id) {
        return browser.text(By.id(id));
    }

    @Test
    void aCompletedCampaignsPostMortemBecomesAnInsightWhoseProposedSlaOpsAccept() {
        PastCampaign.write(store, "walk-webinars", "Autumn webinar series", 40);

        browser.signIn("nora");
        browser.go("/items/walk-webinars");
        browser.submit(By.cssSelector("form[action$='/complete'] button[type=submit]"));
        assertThat(text("post-mortem-link")).contains("its post-mortem");

        browser.go("/learning");
        assertThat(text("offered")).contains("Autumn webinar series");
        browser.screenshot("learning-page-offers-the-post-mortem");
        browser.submit(By.cssSelector("#offered li[data-item='walk-webinars'] a"));
        assertThat(browser.path()).isEqualTo("/learning/post-mortems/walk-webinars");
        assertThat(text("fact-dates")).contains("Planned to end on").endsWith("15 days late.");
        assertThat(text("fact-sla")).contains("Brief review took 3.0 days against its SLA of 2d (25.0 h over)")
                .contains("was accepted 2.0 days after it was sent, against its SLA of 1d");
        assertThat(text("fact-rework")).contains("Sent back from QA to Build by Jon Ito");
        assertThat(text("fact-approvals")).contains("Brief review waited 3.0 days for approval, until Maya Chen approved");
        assertThat(text("fact-handoffs")).contains("rejected by Dev Patel").contains("No UTM plan attached");
        assertThat(text("fact-outcomes")).contains("MQL to SQL conversion (target 35 percent): no outcome data linked");
        browser.screenshot("post-mortem-pre-filled-from-the-log");

        browser.type(By.id("went-well"), "The brief was clear from day one");
        browser.type(By.id("to-change"), "Builds sat for days with nobody watching the clock");
        browser.submit(By.id("save-post-mortem"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).startsWith("Saved the post-mortem");
        assertThat(text("written-by")).contains("Written by nora.haddad");

        browser.type(By.id("insight-title"), "Builds need a clock");
        browser.type(By.id("insight-finding"), "The build stage has no SLA, so nobody saw it sit for days");
        browser.find(By.id("tag-channels")).click();
        browser.find(By.id("kind-add-sla")).click();
        new Select(browser.find(By.id("c-sla-stage"))).selectByValue("campaign:build");
        browser.type(By.id("c-sla"), "3d");
        browser.screenshot("finding-with-a-proposed-sla");
        browser.submit(By.id("record-insight"));
        assertThat(browser.path()).startsWith("/learning/changes/change-");
        String change = browser.path();
        assertThat(browser.all(By.cssSelector("#yaml-diff .added")).stream().map(e -> e.getText()).toList())
                .containsExactly("+         sla: 3d");
        assertThat(browser.all(By.cssSelector("#yaml-diff .removed"))).isEmpty();
        assertThat(text("validation-result")).startsWith("The changed model is valid");
        assertThat(text("why-not")).contains("Only the model's owners (ops and admins");
        assertThat(browser.all(By.id("accept"))).isEmpty();
        browser.screenshot("proposal-seen-by-a-member");

        browser.signIn("grace");
        browser.go(change);
        browser.submit(By.id("accept"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).startsWith("Accepted: the change is model version 2");
        assertThat(text("accepted-as")).contains("model version 2");
        assertThat(versions.current().orElseThrow().number()).isEqualTo(2);
        assertThat(versions.current().orElseThrow().source()).contains("        owner: demand-team\n        sla: 3d\n");
        assertThat(versions.current().orElseThrow().model().workType("campaign").orElseThrow().stage("build").orElseThrow()
                .sla().text()).isEqualTo("3d");
        browser.screenshot("accepted-as-version-2");

        browser.submit(By.cssSelector("a[href^='/learning/insights/']"));
        assertThat(browser.path()).startsWith("/learning/insights/insight-");
        assertThat(text("proposals")).contains("accepted");
        browser.find(By.cssSelector("#propose-form #kind-add-approver")).click();
        new Select(browser.find(By.cssSelector("#propose-form #c-approver-stage"))).selectByValue("campaign:qa");
        new Select(browser.find(By.cssSelector("#propose-form #c-approver"))).selectByValue("nora.haddad");
        browser.submit(By.id("propose"));
        assertThat(browser.path()).startsWith("/learning/changes/change-").isNotEqualTo(change);
        assertThat(browser.all(By.cssSelector("#yaml-diff .added")).stream().map(e -> e.getText()).toList())
                .singleElement().asString().contains("approvers: [jon.ito, nora.haddad]");
        browser.type(By.id("decline-reason"), "Jon covers QA alone this quarter");
        browser.submit(By.id("decline"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).startsWith("Declined the change");
        assertThat(text("declined-because")).contains("Jon covers QA alone this quarter");
        assertThat(versions.current().orElseThrow().number()).as("a decline stores no version").isEqualTo(2);
        browser.screenshot("declined-with-a-reason");

        browser.go("/learning?q=clock");
        assertThat(text("insights")).contains("Builds need a clock");
        browser.go("/learning?tag=messaging");
        assertThat(text("no-insights")).contains("No insight matches");
        browser.go("/learning?tag=channels");
        assertThat(text("insights")).contains("Builds need a clock");
        assertThat(text("loop-sentence")).contains("Of 2 proposed model changes, 1 accepted, 1 declined and 0 open");
        browser.screenshot("insight-log-searched-by-component");
    }
}
