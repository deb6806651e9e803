package dev.baton.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (Deque's accessibility rules, WCAG 2.1 A and AA) run in the page the browser shows. The
 * script comes from the {@code org.webjars.npm:axe-core} test dependency on the class path: nothing
 * is downloaded while the tests run.
 */
final class Axe {

    /** One rule broken, with how bad (minor, moderate, serious, critical) and where. */
    record Violation(String rule, String impact, String help, List<String> nodes) {
        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + "): " + nodes;
        }
    }

    private static final String VERSION = "4.6.3";
    private static String script;

    private Axe() {
    }

    private static synchronized String script() {
        if (script == null) {
            String resource = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the test class path (org.webjars.npm:axe-core)");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    /** The violations of the WCAG 2.0/2.1 A and AA rules on the page as it is now. */
    @SuppressWarnings("unchecked")
    static List<Violation> check(Browser browser) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        JavascriptExecutor js = browser.driver;
        js.executeScript(script());
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},"
                        + " resultTypes: ['violations']})"
                        + ".then(function (r) { done(r.violations.map(function (v) { return {rule: v.id, impact: v.impact,"
                        + " help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); })}; })); })"
                        + ".catch(function (e) { done([{rule: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });");
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : found) {
            violations.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    (List<String>) v.get("nodes")));
        }
        return violations;
    }

    /** The serious and critical ones: what the editor, intake and item pages must not have. */
    static List<Violation> serious(Browser browser) {
        return check(browser).stream().filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact())).toList();
    }
}
