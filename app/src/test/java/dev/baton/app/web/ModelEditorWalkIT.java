package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.BusinessFunction;
import dev.baton.model.Field;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.Team;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The model editor in a real headless Chromium against a real server on a real PostgreSQL with the
 * demo model and users: a member sees it read-only and why; an SLA "soon" and an unknown gate
 * approver are shown at their fields and the draft cannot be saved; a keyboard alone builds and
 * saves a small work type; and the B2B SaaS example's product launch (its stages, decision rights,
 * transitions, template and handoffs, with the people and metrics it names) is built from an empty
 * model through the editor alone, saved as a new version, and equals the hand-written example.
 * axe-core finds no serious or critical violation on the editor. Screenshots: app/target/screenshots/editor.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelEditorWalkIT extends BrowserWalk {

    ModelEditorWalkIT() {
        super("editor");
    }

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @Autowired
    ModelVersions versions;

    /** The id the editor gives the input of a path (EditorView.domId). */
    static String id(String path) {
        return "f-" + path.replace("[", "_").replace("]", "").replace(".", "__");
    }

    static String section(String listPath) {
        return "s-" + listPath.replace("[", "_").replace("]", "").replace(".", "__");
    }

    int revision() {
        return Integer.parseInt(browser.find(By.id("editor")).getAttribute("data-revision"));
    }

    /** Waits until the server answered the change made after {@code before} and htmx put it in the page. */
    void settled(int before) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20), Duration.ofMillis(40))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> revision() > before && browser.all(By.cssSelector("#editor[aria-busy]")).isEmpty());
    }

    /** Types a value into a field (or chooses it), as a person would, and waits for the change to be made. */
    void set(String path, String value) {
        WebElement input = browser.find(By.id(id(path)));
        int before = revision();
        if (input.getTagName().equals("select")) {
            new Select(input).selectByValue(value);
        } else if ("checkbox".equals(input.getAttribute("type"))) {
            if (input.isSelected() == Boolean.parseBoolean(value)) {
                return;
            }
            input.click();
        } else {
            if (value.equals(input.getAttribute("value"))) {
                return;
            }
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value.isEmpty() ? Keys.DELETE : value, Keys.TAB);
        }
        settled(before);
    }

    /** Adds an item with this id to a list (the section's "New ... (id)" box, then Enter). */
    void add(String listPath, String newId) {
        int before = revision();
        browser.find(By.id("add-" + section(listPath))).sendKeys(newId, Keys.ENTER);
        settled(before);
    }

    void startDraft(String from) {
        browser.go("/model/edit");
        if (!browser.all(By.id("discard")).isEmpty()) {
            browser.submit(By.id("discard"));
        }
        browser.submit(By.id(from.equals("empty") ? "start-empty" : "start-current"));
        assertThat(browser.text(By.id("editor-status"))).startsWith("Started a draft");
    }

    /** The problems' heading says "No problems" or "0 errors, N warnings". */
    void assertNoErrors() {
        assertThat(browser.text(By.id("problems-title"))).matches("No problems|0 errors, \\d+ warnings?");
    }

    String fieldMessages(String path) {
        return browser.text(By.id(id(path) + "-msg"));
    }

    @Test
    @Order(1)
    void aMemberSeesTheModelReadOnlyAndWhy() {
        browser.signIn("maya");
        browser.go("/model");
        assertThat(browser.text(By.id("edit-model"))).contains("read only");
        browser.submit(By.id("edit-model"));
        assertThat(browser.text(By.id("read-only"))).contains("Only ops and admins change the operating model")
                .contains("member");
        WebElement sla = browser.find(By.id(id("work-types[0].stages[1].sla")));
        assertThat(sla.getAttribute("value")).isEqualTo("1w");
        assertThat(sla.isEnabled()).isFalse();
        assertThat(browser.all(By.id("save"))).isEmpty();
        assertThat(Axe.serious(browser)).as("axe-core on the read-only editor").isEmpty();
        browser.screenshot("read-only");
    }

    @Test
    @Order(2)
    void anInvalidChangeIsShownAtItsFieldAndCannotBeSaved() {
        browser.signIn("grace");
        startDraft("current");
        assertNoErrors();
        assertThat(Axe.serious(browser)).as("axe-core on the editor with the demo model").isEmpty();

        String sla = "work-types[0].stages[1].sla";
        set(sla, "soon");
        WebElement input = browser.find(By.id(id(sla)));
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).contains(id(sla) + "-msg");
        assertThat(fieldMessages(sla)).contains("error: expected a duration like 3d, 36h, 90m or 1d12h, found 'soon'");

        String approvers = "work-types[1].stages[1].gate.approvers";
        set(approvers, "nora.haddad, nobody");
        assertThat(fieldMessages(approvers)).contains("error: expected a function, team or person").contains("found 'nobody'");
        assertThat(browser.find(By.id(id(approvers))).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text(By.id("problems-title"))).startsWith("2 errors");
        assertThat(browser.text(By.id("save-help"))).contains("Cannot be saved yet");
        // the diff shows the two changed lines against the stored version
        assertThat(browser.text(By.id("diff"))).contains("sla: soon").contains("nobody");
        assertThat(Axe.serious(browser)).as("axe-core on the editor showing errors").isEmpty();
        browser.screenshot("errors-at-fields");

        browser.submit(By.id("save"));
        assertThat(browser.text(By.id("editor-status"))).contains("Not saved: the draft has 2 errors; nothing was stored");
        assertThat(versions.all()).hasSize(1);
        // the draft is kept: a reload shows the same errors
        browser.go("/model/edit");
        assertThat(browser.find(By.id(id(sla))).getAttribute("value")).isEqualTo("soon");
        assertThat(fieldMessages(sla)).contains("found 'soon'");

        set(sla, "1w");
        set(approvers, "nora.haddad, maya.chen");
        assertNoErrors();
        assertThat(browser.all(By.id("diff"))).isEmpty();
        browser.submit(By.id("discard"));
        assertThat(browser.all(By.id("start-empty"))).hasSize(1);
    }

    @Test
    @Order(3)
    void aWeightedSchemesWeightsAreEditedInTheForm() {
        browser.signIn("grace");
        startDraft("current");
        set("intake.prioritization.scheme", "weighted");
        // the number fields of the intake forms' templates are the inputs a weighted scheme can weigh
        set("intake.prioritization.weights.reach", "3");
        set("intake.prioritization.weights.impact", "2");
        assertThat(browser.find(By.id(id("intake.prioritization.weights.reach"))).getAttribute("value")).isEqualTo("3");
        assertThat(browser.text(By.id("diff"))).contains("scheme: weighted").contains("reach: 3").contains("impact: 2");
        assertThat(Axe.serious(browser)).as("axe-core on the editor with weights").isEmpty();
        browser.screenshot("weights");
        browser.submit(By.id("discard"));
    }

    // --- keyboard only ---------------------------------------------------------------------------

    String focused() {
        return browser.driver.switchTo().activeElement().getAttribute("id");
    }

    /** Presses Tab until the element has the focus (at most 200 times): it is reachable by keyboard, in order. */
    void tabTo(String target) {
        for (int i = 0; i < 200; i++) {
            if (target.equals(focused())) {
                return;
            }
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + target + "; the focus is on #" + focused());
    }

    void keys(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** Keys that make a change, then wait for it. */
    void change(CharSequence... keys) {
        int before = revision();
        keys(keys);
        settled(before);
    }

    @Test
    @Order(4)
    void aKeyboardAloneBuildsASmallWorkTypeAndSavesIt() {
        browser.signIn("grace");
        browser.go("/model/edit");
        if (!browser.all(By.id("discard")).isEmpty()) {
            browser.submit(By.id("discard"));
        }
        tabTo("start-current");
        keys(Keys.TAB);
        assertThat(focused()).isEqualTo("start-empty");
        int pages = browser.all(By.tagName("html")).size();
        keys(Keys.ENTER);
        browser.waitFor(() -> !browser.all(By.id("add-" + section("functions"))).isEmpty());
        assertThat(pages).isEqualTo(1);

        tabTo("add-" + section("functions"));
        change("marketing", Keys.ENTER);
        // the new function has the focus; its fields come next
        assertThat(focused()).isEqualTo("i-functions_0");
        keys(Keys.TAB);
        assertThat(focused()).isEqualTo(id("functions[0].id"));
        keys(Keys.TAB);
        change("Marketing", Keys.TAB);
        assertThat(focused()).isEqualTo("rm-i-functions_0");

        tabTo("add-" + section("work-types"));
        change("blog-post", Keys.ENTER);
        assertThat(focused()).isEqualTo("i-work-types_0");
        tabTo(id("work-types[0].name"));
        change("Blog post", Keys.TAB);

        tabTo("add-" + section("work-types[0].stages"));
        change("draft", Keys.ENTER);
        tabTo(id("work-types[0].stages[0].kind"));
        change("m"); // the first kind starting with m: making
        keys(Keys.TAB);
        change("marketing", Keys.TAB);
        assertThat(focused()).isEqualTo(id("work-types[0].stages[0].sla"));
        change("3d", Keys.TAB);

        tabTo("add-" + section("work-types[0].stages"));
        change("review", Keys.ENTER);
        tabTo(id("work-types[0].stages[1].kind"));
        change("c"); // coordination
        keys(Keys.TAB);
        change("marketing", Keys.TAB);
        change("1d", Keys.TAB);
        tabTo(id("work-types[0].stages[1].gate.approvers"));
        change("marketing", Keys.TAB);

        // reorder with the keyboard: review up, then back down
        tabTo("up-i-work-types_0__stages_1");
        change(Keys.ENTER);
        assertThat(browser.find(By.id(id("work-types[0].stages[0].id"))).getAttribute("value")).isEqualTo("review");
        assertThat(focused()).isEqualTo("down-i-work-types_0__stages_0");
        change(Keys.ENTER);
        assertThat(browser.find(By.id(id("work-types[0].stages[0].id"))).getAttribute("value")).isEqualTo("draft");

        // the RACI grid: who drives and who approves each stage
        tabTo(id("work-types[0].stages[0].decision.driver"));
        change("marketing", Keys.TAB);
        change("marketing", Keys.TAB);
        tabTo(id("work-types[0].stages[1].decision.driver"));
        change("marketing", Keys.TAB);
        change("marketing", Keys.TAB);

        assertNoErrors();
        assertThat(Axe.serious(browser)).as("axe-core on the editor after the keyboard walk").isEmpty();
        browser.screenshot("keyboard-walk");
        tabTo("save");
        keys(Keys.ENTER);
        browser.waitFor(() -> browser.path().startsWith("/model") && !browser.path().startsWith("/model/edit"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Saved the draft as model version 2");

        WorkType blog = versions.current().orElseThrow().model().workType("blog-post").orElseThrow();
        assertThat(blog.name()).isEqualTo("Blog post");
        assertThat(blog.stages()).extracting(Stage::id).containsExactly("draft", "review");
        assertThat(blog.stages().get(0).sla().text()).isEqualTo("3d");
        assertThat(blog.stages().get(1).gate().approvers()).containsExactly("marketing");
        assertThat(blog.stages().get(1).decision().approver()).isEqualTo("marketing");
    }

    // --- the product launch of the B2B SaaS example, from an empty model -----------------------------

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    void named(String path, String id, String name) {
        if (name != null && !name.equals(id)) {
            set(path + ".name", name);
        }
    }

    void list(String path, List<String> values) {
        if (values != null && !values.isEmpty()) {
            set(path, String.join(", ", values));
        }
    }

    @Test
    @Order(5)
    void theLaunchWorkTypeIsBuiltFromAnEmptyModelThroughTheEditorAlone() throws Exception {
        ValidationReport example = ModelValidation.validate("b2b-saas.yaml",
                Files.readString(ROOT.resolve("examples/b2b-saas.yaml")));
        OperatingModel b2b = example.model();
        WorkType launch = b2b.workType("product-launch").orElseThrow();
        Template brief = b2b.template("launch-brief").orElseThrow();

        browser.signIn("grace");
        startDraft("empty");
        set("name", "Launch model");

        // who takes part: every function, team and person of the example (owners, approvers, handoff parties)
        for (int i = 0; i < b2b.functions().size(); i++) {
            BusinessFunction f = b2b.functions().get(i);
            add("functions", f.id());
            named("functions[" + i + "]", f.id(), f.name());
        }
        for (int i = 0; i < b2b.teams().size(); i++) {
            Team t = b2b.teams().get(i);
            add("teams", t.id());
            set("teams[" + i + "].function", t.function());
            list("teams[" + i + "].members", t.members());
        }
        for (int i = 0; i < b2b.people().size(); i++) {
            Person p = b2b.people().get(i);
            add("people", p.id());
            named("people[" + i + "]", p.id(), p.name());
            set("people[" + i + "].function", p.function());
        }
        for (int i = 0; i < launch.success().size(); i++) {
            String metric = launch.success().get(i);
            add("metrics", metric);
            named("metrics[" + i + "]", metric, b2b.metric(metric).orElseThrow().name());
        }
        add("templates", brief.id());
        named("templates[0]", brief.id(), brief.name());
        for (int i = 0; i < brief.fields().size(); i++) {
            Field f = brief.fields().get(i);
            String path = "templates[0].fields[" + i + "]";
            add("templates[0].fields", f.id());
            named(path, f.id(), f.name());
            set(path + ".type", lower(f.type()));
            if (f.required()) {
                set(path + ".required", "true");
            }
            list(path + ".values", f.values());
        }
        // the parent work type, with one stage
        add("work-types", "initiative");
        add("work-types[0].stages", "proposal");
        set("work-types[0].stages[0].kind", "making");
        set("work-types[0].stages[0].owner", "grace.lindqvist");
        set("work-types[0].stages[0].decision.driver", "grace.lindqvist");
        set("work-types[0].stages[0].decision.approver", "grace.lindqvist");

        // the launch itself
        String wt = "work-types[1]";
        add("work-types", launch.id());
        named(wt, launch.id(), launch.name());
        set(wt + ".parent", launch.parent());
        set(wt + ".template", launch.template());
        list(wt + ".success", launch.success());
        for (int i = 0; i < launch.stages().size(); i++) {
            Stage s = launch.stages().get(i);
            String path = wt + ".stages[" + i + "]";
            add(wt + ".stages", s.id());
            named(path, s.id(), s.name());
            set(path + ".kind", s.kind().id());
            set(path + ".owner", s.owner());
            if (s.sla() != null) {
                set(path + ".sla", s.sla().text());
            }
            if (s.optional()) {
                set(path + ".optional", "true");
            }
            list(path + ".exit", s.exit());
            if (s.gate() != null) {
                list(path + ".gate.approvers", s.gate().approvers());
                set(path + ".gate.mode", lower(s.gate().mode()));
            }
            set(path + ".decision.driver", s.decision().driver());
            set(path + ".decision.approver", s.decision().approver());
            list(path + ".decision.contributors", s.decision().contributors());
            list(path + ".decision.informed", s.decision().informed());
        }
        for (StageChange t : launch.transitions()) {
            int before = revision();
            browser.find(By.id("add-" + section(wt + ".transitions") + "-from")).sendKeys(t.from());
            browser.find(By.id("add-" + section(wt + ".transitions"))).sendKeys(t.to(), Keys.ENTER);
            settled(before);
        }
        list(wt + ".done", launch.done());

        List<Handoff> handoffs = b2b.handoffsOf(launch.id());
        for (int i = 0; i < handoffs.size(); i++) {
            Handoff h = handoffs.get(i);
            String path = "handoffs[" + i + "]";
            int before = revision();
            browser.find(By.id("add-" + section("handoffs"))).sendKeys(h.workType());
            browser.find(By.id("add-" + section("handoffs") + "-at")).sendKeys(h.at().from() + " -> " + h.at().to(), Keys.ENTER);
            settled(before);
            set(path + ".from", h.from());
            set(path + ".to", h.to());
            list(path + ".requires", h.requires());
            list(path + ".artifacts", h.artifacts());
            set(path + ".sla", h.sla().text());
        }
        assertNoErrors();
        assertThat(Axe.serious(browser)).as("axe-core on the editor with the launch built").isEmpty();
        browser.screenshot("launch-built");

        browser.submit(By.id("save"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).contains("Saved the draft as model version");
        ModelVersion saved = versions.current().orElseThrow();
        ValidationReport again = ModelValidation.validate("saved.yaml", saved.source());
        assertThat(again.errors()).isEmpty();
        OperatingModel built = again.model();
        assertThat(built.workType("product-launch")).contains(launch);
        assertThat(built.template("launch-brief")).contains(brief);
        assertThat(built.handoffsOf("product-launch")).isEqualTo(handoffs);
        assertThat(built.workType("initiative").orElseThrow().stages()).hasSize(1);
        browser.go("/model");
        assertThat(browser.find(By.id("wt-product-launch")).findElements(By.cssSelector("svg g.stage"))).hasSize(10);
        browser.screenshot("launch-saved");
    }
}
