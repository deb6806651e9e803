package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forms that explain themselves (issue 17), in a real headless Chromium on the demo: the intake
 * form shows each field's description, allowed values and the RICE scales; dates say what they
 * mean; a past due date is flagged on the item and its board card; no owner is preselected; weeks
 * carry their year; a board fits a 1366 × 768 screen with its columns scrolling inside it; and
 * axe-core finds no serious or critical violation on the intake form, the item page and a board.
 * Screenshots: app/target/screenshots/forms.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormsWalkIT extends BrowserWalk {

    FormsWalkIT() {
        super("forms");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    String itemPath;

    @Test
    @Order(1)
    void theIntakeFormShowsDescriptionsAllowedValuesAndTheRiceScale() {
        browser.signIn("maya");
        browser.go("/intake/forms/content-request");
        // The content request's RICE inputs have no description: the scheme's scales are shown.
        assertThat(browser.text(By.id("hint-impact"))).contains("3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal");
        assertThat(browser.text(By.id("hint-confidence"))).contains("percent");
        assertThat(browser.text(By.id("hint-effort"))).contains("person-weeks");
        assertThat(browser.find(By.id("f-impact")).getAttribute("aria-describedby")).contains("hint-impact");
        assertThat(browser.text(By.id("allowed-asset-type"))).contains("blog-post").contains("landing-page");
        // A date says what it means.
        assertThat(browser.text(By.cssSelector("label[for=f-due-date]"))).contains("due date");
        assertThat(browser.text(By.id("hint-due-date"))).contains("needed").contains("overdue");
        browser.screenshot("intake-content-request");
        assertThat(Axe.serious(browser)).as("axe-core on the content request form").isEmpty();

        browser.go("/intake/forms/campaign-request");
        assertThat(browser.text(By.cssSelector("label[for=f-start-date]"))).contains("start date");
        assertThat(browser.text(By.cssSelector("label[for=f-end-date]"))).contains("due date");
        assertThat(browser.text(By.id("hint-start-date"))).contains("first day");
        assertThat(browser.text(By.id("hint-impact"))).contains("3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal");
        assertThat(new Select(browser.find(By.id("f-campaign-owner"))).getFirstSelectedOption().getAttribute("value"))
                .as("no person preselected").isEmpty();
        assertThat(Axe.serious(browser)).as("axe-core on the campaign request form").isEmpty();
    }

    @Test
    @Order(2)
    void anItemPastItsDueDateIsFlaggedOnItsPageAndCardAndHasNoOwnerPreselected() {
        browser.signIn("maya");
        browser.go("/intake/forms/campaign-request");
        browser.type(By.id("title"), "Winter retargeting");
        browser.type(By.id("f-campaign-name"), "Winter retargeting");
        browser.type(By.id("f-objective"), "Win back churned trials");
        browser.type(By.id("f-segment"), "Churned trials");
        new Select(browser.find(By.id("f-primary-metric"))).selectByValue("pipeline");
        browser.type(By.id("f-channel-mix"), "email");
        setDate("f-start-date", "2025-01-05");
        setDate("f-end-date", "2025-01-15");
        browser.type(By.id("f-reach"), "500");
        browser.type(By.id("f-impact"), "1");
        browser.type(By.id("f-confidence"), "50");
        browser.type(By.id("f-effort"), "2");
        browser.submit(By.cssSelector("form.card button[type=submit]"));
        assertThat(browser.path()).startsWith("/intake");

        browser.signIn("nora");
        browser.go("/intake");
        WebElement row = browser.all(By.cssSelector("#queue tbody tr")).stream()
                .filter(r -> r.getText().contains("Winter retargeting")).findFirst().orElseThrow();
        row.findElement(By.name("reason")).sendKeys("Cheap to try");
        row.findElement(By.cssSelector("button.primary")).click();
        browser.waitFor(() -> !browser.all(By.cssSelector(".flash.ok")).isEmpty());
        browser.submit(By.id("created-item"));
        itemPath = browser.path();

        assertThat(browser.text(By.id("overdue"))).contains("overdue").contains("2025-01-15");
        assertThat(browser.text(By.id("due"))).contains("End date").contains("2025-01-15");
        assertThat(browser.text(By.id("overdue-end-date"))).contains("overdue");
        assertThat(browser.all(By.id("overdue-start-date"))).as("a start date is not a due date").isEmpty();
        assertThat(browser.text(By.id("hint-start-date"))).contains("first day");
        Select owner = new Select(browser.find(By.id("owner")));
        assertThat(owner.getOptions().get(0).getAttribute("value")).isEmpty();
        assertThat(owner.getFirstSelectedOption().getAttribute("value")).as("no owner preselected").isEmpty();
        browser.screenshot("item-overdue");
        assertThat(Axe.serious(browser)).as("axe-core on the item page").isEmpty();

        String id = itemPath.substring("/items/".length());
        browser.go("/boards/campaign");
        assertThat(browser.text(By.cssSelector("#card-" + id + " .overdue"))).contains("overdue").contains("2025-01-15");
        assertThat(browser.text(By.id("card-" + id))).contains("End date (due) 2025-01-15");
    }

    @Test
    @Order(3)
    void aBoardFitsTheScreenWidthAndItsColumnsScrollInsideIt() {
        browser.signIn("maya");
        Dimension before = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new Dimension(1366, 768));
            for (String board : new String[] {"campaign", "product-launch", "asset"}) {
                browser.go("/boards/" + board);
                Object page = browser.driver.executeScript("var d = document.documentElement;"
                        + " return [d.scrollWidth, d.clientWidth, window.innerWidth];");
                assertThat(fits()).as("no horizontal page scroll on the " + board + " board: " + page).isTrue();
                Object inside = browser.driver.executeScript("var b = document.querySelector('.board');"
                        + " return getComputedStyle(b).overflowX;");
                assertThat(inside).isIn("auto", "scroll");
                browser.screenshot("board-" + board + "-1366");
            }
            // The launch board has more columns than fit: they scroll inside the board.
            browser.go("/boards/product-launch");
            Boolean scrolls = (Boolean) browser.driver.executeScript("var b = document.querySelector('.board');"
                    + " return b.scrollWidth > b.clientWidth;");
            assertThat(scrolls).isTrue();
            assertThat(Axe.serious(browser)).as("axe-core on a board").isEmpty();
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    @Test
    @Order(4)
    void weeksAreShownWithTheirYear() {
        browser.signIn("maya");
        browser.go("/reports/weekly");
        assertThat(browser.text(By.tagName("main"))).containsPattern("\\d{4}-W\\d{2}|week \\d{1,2}, \\d{4}");
        assertThat(browser.text(By.tagName("main"))).doesNotContainPattern("(?<![\\d-])W\\d{2}\\b");
    }

    private boolean fits() {
        return (Boolean) browser.driver.executeScript("var d = document.documentElement; return d.scrollWidth <= d.clientWidth;");
    }

    private void setDate(String id, String value) {
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }
}
