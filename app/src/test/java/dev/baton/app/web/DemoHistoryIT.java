package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.cli.Baton;
import dev.baton.app.json.Json;
import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.Engine;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.jsonl.EventLogJsonl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code baton serve --demo} with its simulated quarter: the engine caught up on the history,
 * the boards count it, and the debt dashboard shows the score {@code baton analyze --format json}
 * gives for the same events. Screenshots: app/target/screenshots/demo.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.demo=true", "baton.demo.history=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryIT {

    static final Path ROOT = Path.of(System.getProperty("baton.root", "..")).toAbsolutePath().normalize();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.freshUrl();
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    @Autowired
    Engine engine;

    Browser browser;

    @BeforeAll
    void open() {
        browser = Browser.open(port, "demo");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theBoardsCountTheSimulatedQuarterAsTheEngineFoldedIt() {
        int open = engine.items(new ItemFilter("campaign", null, null, null, null, false)).size();
        assertThat(open).isPositive();
        assertThat(engine.requests()).isNotEmpty();
        browser.signIn("nora");
        browser.screenshot("home");
        browser.go("/boards/campaign");
        int counted = browser.all(By.cssSelector("section.column header .badge")).stream()
                .mapToInt(b -> Integer.parseInt(b.getText())).sum();
        assertThat(counted).isEqualTo(open);
        assertThat(browser.all(By.cssSelector("section.column .item-card a.title"))).isNotEmpty();
        browser.screenshot("campaign-board");
        browser.go("/boards/product-launch");
        browser.screenshot("launch-board");
        browser.go("/intake");
        browser.screenshot("intake");
    }

    @Test
    void theDashboardShowsTheScoreOfBatonAnalyzeOnTheSameEvents() throws Exception {
        browser.signIn("grace");
        browser.go("/debt");
        String shown = browser.text(By.id("debt-score"));
        browser.waitFor(() -> !browser.all(By.cssSelector(".chart svg")).isEmpty());
        browser.screenshot("debt-dashboard");
        assertThat(browser.all(By.cssSelector("#components tbody tr"))).hasSize(10);

        Path log = Files.createTempFile("baton-demo", ".jsonl");
        List<RecordedEvent> events = new ArrayList<>();
        long after = 0;
        for (List<RecordedEvent> page; !(page = store.readAll(after, 5000)).isEmpty(); after = page.get(page.size() - 1).position()) {
            events.addAll(page);
        }
        EventLogJsonl.write(log, events);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Baton.run(new String[] {"analyze", "--model", ROOT.resolve("examples/b2b-saas.yaml").toString(),
                "--log", log.toString(), "--format", "json"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(exit).as(err.toString()).isZero();
        Map<?, ?> json = Json.mapper().readValue(out.toString(), Map.class);
        double score = ((Number) json.get("score")).doubleValue();
        assertThat(score).isPositive();
        assertThat(shown).isEqualTo(String.format(Locale.ROOT, "%.1f", score));
        assertThat(browser.text(By.id("debt-hours"))).isEqualTo(String.format(Locale.ROOT, "%,.0f",
                ((Number) json.get("costHours")).doubleValue()));

        browser.find(By.cssSelector("#components tr[data-component=handoffs] a")).click();
        assertThat(browser.all(By.cssSelector("table tbody tr"))).isNotEmpty();
        browser.screenshot("debt-handoffs-evidence");
        browser.find(By.cssSelector("table tbody tr a")).click();
        assertThat(browser.path()).startsWith("/items/");
        assertThat(browser.all(By.cssSelector("#timeline li"))).isNotEmpty();
        browser.screenshot("evidence-item");
    }
}
