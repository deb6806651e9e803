package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.insight.picture.FlowSvg;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The flow pictures on a laptop screen: a real headless Chromium with a 1366 × 768 window shows
 * the model page of every example model (uploaded through the page) and the demo's dashboard. No page
 * scrolls sideways; every flow picture is whole inside its card (no scrolling inside the box either);
 * its text is at least 12 px as drawn; and no two texts of a picture overlap as Chromium lays them
 * out with its own fonts. Screenshots of each page and each flow go to
 * app/target/screenshots/flow-pictures (not committed).
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowPicturesIT extends BrowserWalk {

    FlowPicturesIT() {
        super("flow-pictures");
    }

    /** Per picture: its box, the picture's size, the smallest text and every pair of texts that overlap. */
    private static final String MEASURE = """
            const out = [];
            document.querySelectorAll('svg.flow-picture').forEach((svg, i) => {
              const wrap = svg.parentElement;
              const r = svg.getBoundingClientRect();
              const texts = [...svg.querySelectorAll('text')].map(t => {
                const b = t.getBoundingClientRect();
                return {text: t.textContent, x: b.left, y: b.top, w: b.width, h: b.height,
                        px: parseFloat(getComputedStyle(t).fontSize) * r.width / svg.viewBox.baseVal.width};
              });
              const overlaps = [];
              for (let a = 0; a < texts.length; a++) for (let b = a + 1; b < texts.length; b++) {
                const p = texts[a], q = texts[b];
                if (p.x < q.x + q.w - 0.5 && q.x < p.x + p.w - 0.5 && p.y < q.y + q.h - 0.5 && q.y < p.y + p.h - 0.5)
                  overlaps.push(p.text + ' / ' + q.text);
              }
              const outside = texts.filter(t => t.x < r.left - 0.5 || t.x + t.w > r.right + 0.5).map(t => t.text);
              out.push({title: svg.getAttribute('aria-label'), width: r.width, boxWidth: wrap.clientWidth,
                        boxScrollWidth: wrap.scrollWidth, smallestPx: Math.min(...texts.map(t => t.px)),
                        overlaps: overlaps, outside: outside});
            });
            return {pageScrollWidth: document.documentElement.scrollWidth,
                    pageClientWidth: document.documentElement.clientWidth, innerWidth: window.innerWidth,
                    pictures: out};
            """;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    Path shots;

    @BeforeAll
    void open() throws Exception {
        browser.driver.manage().window().setSize(new Dimension(1366, 768));
        shots = dev.baton.app.ProjectRoot.PATH.resolve("app/target/screenshots/flow-pictures");
        Files.createDirectories(shots);
    }

    @Test
    @Order(2)
    void everyExampleModelsFlowsFitALaptopScreen() throws Exception {
        browser.signIn("grace");
        List<Path> examples;
        try (var files = Files.list(dev.baton.app.ProjectRoot.PATH.resolve("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            browser.go("/model");
            browser.find(By.id("file")).sendKeys(example.toAbsolutePath().toString());
            browser.submit(By.cssSelector("form[action$='/model'] button[type=submit]"));
            assertThat(browser.text(By.cssSelector(".flash.ok"))).containsAnyOf("as model version", "unchanged");
            String name = example.getFileName().toString().replace(".yaml", "");
            int pictures = check("model-" + name);
            assertThat(pictures).as("flow pictures on the model page of %s", name)
                    .isEqualTo(browser.all(By.cssSelector("article[id^=wt-]")).size()).isPositive();
        }
    }

    @Test
    @Order(1)
    void theDashboardsDeclaredAndActualFlowsFitALaptopScreen() throws Exception {
        browser.signIn("grace");
        browser.go("/debt");
        assertThat(check("dashboard")).isPositive();
    }

    /** Measures the page in Chromium, saves its screenshots and asserts; returns how many pictures it has. */
    @SuppressWarnings("unchecked")
    private int check(String page) throws Exception {
        Map<String, Object> m = (Map<String, Object>) browser.driver.executeScript(MEASURE);
        List<Map<String, Object>> pictures = (List<Map<String, Object>>) m.get("pictures");
        save(browser.driver.getScreenshotAs(OutputType.FILE), page + "-00-top");
        List<WebElement> wraps = browser.all(By.cssSelector(".svg-wrap:has(svg.flow-picture)"));
        for (int i = 0; i < wraps.size(); i++) {
            browser.driver.executeScript("arguments[0].scrollIntoView()", wraps.get(i));
            save(wraps.get(i).getScreenshotAs(OutputType.FILE), String.format("%s-%02d-flow", page, i + 1));
        }
        System.out.println(page + ": window " + m.get("innerWidth") + " px, page " + m.get("pageScrollWidth") + " / "
                + m.get("pageClientWidth") + " px");
        for (Map<String, Object> p : pictures) {
            System.out.println("  " + p.get("title") + ": " + p.get("width") + " px in a box of " + p.get("boxWidth")
                    + " px, smallest text " + p.get("smallestPx") + " px");
        }
        assertThat(((Number) m.get("pageScrollWidth")).doubleValue()).as("%s scrolls sideways", page)
                .isLessThanOrEqualTo(((Number) m.get("pageClientWidth")).doubleValue());
        for (Map<String, Object> p : pictures) {
            String what = page + ": " + p.get("title");
            assertThat(((Number) p.get("width")).doubleValue()).as("%s is wider than its box", what)
                    .isLessThanOrEqualTo(((Number) p.get("boxWidth")).doubleValue());
            assertThat(((Number) p.get("boxScrollWidth")).doubleValue()).as("%s scrolls inside its box", what)
                    .isLessThanOrEqualTo(((Number) p.get("boxWidth")).doubleValue());
            assertThat(((Number) p.get("smallestPx")).doubleValue()).as("%s smallest text", what)
                    .isGreaterThanOrEqualTo(FlowSvg.MIN_TEXT_PX - 0.01);
            assertThat((List<String>) p.get("overlaps")).as("%s: texts that overlap in Chromium", what).isEmpty();
            assertThat((List<String>) p.get("outside")).as("%s: texts out of the picture", what).isEmpty();
        }
        return pictures.size();
    }

    private void save(File png, String name) throws Exception {
        Files.copy(png.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
