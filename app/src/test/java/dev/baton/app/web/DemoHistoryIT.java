package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.Engine;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeRequest;
import dev.baton.engine.intake.RequestStatus;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code baton serve --demo} with its simulated quarter: the engine caught up on the history,
 * the boards count it, and the debt dashboard shows the score {@code baton analyze --format json}
 * gives for the same events. Screenshots: app/target/screenshots/demo.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.demo=true", "baton.demo.history=true"})
class DemoHistoryIT extends BrowserWalk {

    DemoHistoryIT() {
        super("demo");
    }

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    EventStore store;

    @Autowired
    Engine engine;

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
        assertThat(cardsAndCounts()).allSatisfy(c -> assertThat(c[0]).isEqualTo(Math.min(c[1], BoardPage.CARDS_PER_COLUMN)));
        browser.screenshot("campaign-board");
        browser.go("/boards/campaign?cards=" + BoardPage.MAX_CARDS_PER_COLUMN);
        assertThat(cardsAndCounts()).allSatisfy(c -> assertThat(c[0]).isEqualTo(Math.min(c[1], BoardPage.MAX_CARDS_PER_COLUMN)));
        browser.go("/boards/product-launch");
        browser.screenshot("launch-board");
        browser.go("/intake");
        browser.screenshot("intake");
    }

    @Test
    void theHistoryReadsLikeATeamsQuarter() {
        List<String> titles = engine.items(ItemFilter.ALL).stream().map(WorkItem::title).toList();
        assertThat((double) new HashSet<>(titles).size() / titles.size()).as("distinct titles / items")
                .isGreaterThanOrEqualTo(0.9);
        assertThat(titles).noneMatch(t -> t.contains("#"));
        List<IntakeRequest> requests = engine.requests();
        assertThat(requests).extracting(IntakeRequest::status)
                .contains(RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.DEFERRED);
        assertThat(requests.stream().map(IntakeRequest::reason).filter(r -> r != null).distinct().count()).isGreaterThan(30);

        browser.signIn("sam");
        browser.go("/intake");
        String latestReason = requests.stream().filter(r -> r.status() != RequestStatus.OPEN)
                .sorted(java.util.Comparator.comparing(IntakeRequest::decidedAt).reversed()).limit(15)
                .map(IntakeRequest::reason).filter(r -> r != null).findFirst().orElseThrow();
        assertThat(browser.text(By.id("main"))).contains("Recently decided").contains(latestReason);
        browser.screenshot("intake-history");
        RecordedEvent comment = store.readAll(0, Integer.MAX_VALUE).stream()
                .filter(e -> e.event() instanceof CommentAdded).findFirst().orElseThrow();
        browser.go("/items/" + comment.stream());
        assertThat(browser.all(By.cssSelector("#timeline li[data-type=CommentAdded]"))).isNotEmpty();
        browser.screenshot("item-with-comments");
    }

    @Test
    void theOutcomesPageShowsWhatTheQuartersCampaignsProduced() {
        browser.signIn("nora");
        browser.go("/outcomes");
        assertThat(browser.all(By.id("outcomes-empty"))).isEmpty();
        List<Integer> counts = browser.all(By.cssSelector("#funnel-total .stage-count")).stream()
                .map(e -> Integer.parseInt(e.getText().replace(",", ""))).toList();
        assertThat(counts).hasSize(5).allSatisfy(c -> assertThat(c).isPositive());
        // The touches name the campaign items' campaign-name: the funnel's campaigns are the board's campaigns.
        String campaign = engine.items(new ItemFilter("campaign", null, null, null, null, null)).stream()
                .map(i -> i.fields().get("campaign-name")).filter(String.class::isInstance).map(String.class::cast)
                .filter(n -> browser.text(By.id("funnel-groups")).contains(n)).findFirst().orElse(null);
        assertThat(campaign).as("a campaign item's name among the funnel's groups").isNotNull();
        assertThat(browser.text(By.id("handoff-figures"))).contains("handed over");
        assertThat(browser.all(By.cssSelector("#attribution-table tr[data-channel]"))).isNotEmpty();
        browser.screenshot("outcomes");
    }

    /** Per column of the board shown: the cards on it and the count in its header. */
    private List<int[]> cardsAndCounts() {
        return browser.all(By.cssSelector("section.column")).stream().map(c -> new int[] {
                c.findElements(By.cssSelector(".item-card")).size(),
                Integer.parseInt(c.findElement(By.cssSelector("header .badge")).getText())}).toList();
    }

    @Test
    void theDashboardShowsTheScoreOfBatonAnalyzeOnTheSameEvents() throws Exception {
        browser.signIn("grace");
        browser.go("/debt");
        String shown = browser.text(By.id("debt-score"));
        browser.waitFor(() -> !browser.all(By.cssSelector(".chart svg")).isEmpty());
        browser.screenshot("debt-dashboard");
        assertThat(browser.all(By.cssSelector("#components tbody tr"))).hasSize(10);

        Map<String, Object> json = CliReport.of(store, ROOT.resolve("examples/b2b-saas.yaml"));
        double score = ((Number) json.get("score")).doubleValue();
        assertThat(score).isPositive();
        assertThat(shown).isEqualTo(String.format(Locale.ROOT, "%.1f", score));
        assertThat(browser.text(By.id("debt-hours"))).isEqualTo(String.format(Locale.ROOT, "%,.0f",
                ((Number) json.get("costHours")).doubleValue()));

        browser.submit(By.cssSelector("#components tr[data-component=handoffs] a"));
        assertThat(browser.all(By.cssSelector("table tbody tr"))).isNotEmpty();
        browser.screenshot("debt-handoffs-evidence");
        browser.submit(By.cssSelector("table tbody tr a"));
        assertThat(browser.path()).startsWith("/items/");
        assertThat(browser.all(By.cssSelector("#timeline li"))).isNotEmpty();
        browser.screenshot("evidence-item");
    }
}
