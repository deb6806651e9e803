package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The debt dashboard filtered by period and source, as {@code baton analyze --from --to --source}. */
class DebtFilterIT extends DemoServer {

    static String score(String page) {
        Matcher m = Pattern.compile("id=\"debt-score\">([^<]+)<").matcher(page);
        assertThat(m.find()).as("a score on the page").isTrue();
        return m.group(1);
    }

    @Test
    void aPeriodAndASourceFilterTheDashboardAndAWrongDateIsSaidOnThePage() throws Exception {
        Browserless maya = new Browserless(port, "198.51.100.120");
        assertThat(maya.signIn("maya", "baton-demo")).doesNotContain("signin");
        HttpResponse<String> whole = maya.get("/debt");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).contains("id=\"debt-filter\"").doesNotContain("id=\"filter-note\"");

        HttpResponse<String> baton = maya.get("/debt?source=baton");
        assertThat(baton.statusCode()).isEqualTo(200);
        assertThat(baton.body()).contains("Filtered: items with an event from the start to now, source baton");
        // The demo's history is all Baton's own: the same score.
        assertThat(score(baton.body())).isEqualTo(score(whole.body()));

        // The demo holds no imported history: a filter that was ignored would show the whole log here.
        HttpResponse<String> jira = maya.get("/debt?source=jira");
        assertThat(jira.statusCode()).isEqualTo(200);
        assertThat(jira.body()).contains("No work has been recorded yet");

        HttpResponse<String> nothing = maya.get("/debt?from=2001-01-01&to=2001-12-31");
        assertThat(nothing.statusCode()).isEqualTo(200);
        assertThat(nothing.body()).contains("No work has been recorded yet");

        HttpResponse<String> wrong = maya.get("/debt?from=2026-13-01");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("expected from to be a day (2026-04-01)").contains("showing the whole history");
        assertThat(score(wrong.body())).isEqualTo(score(whole.body()));
    }
}
