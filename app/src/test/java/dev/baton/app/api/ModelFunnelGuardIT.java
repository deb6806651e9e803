package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.web.FormSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The model upload page and the Outcomes page on a real PostgreSQL with outcome exports stored: a
 * model whose {@code funnel:} section cannot read them is refused on the page as through the API
 * (the value and the export named, no version stored), and stored exports nothing reads give the
 * Outcomes page a note, not a 500. Pages are signed in with the form, as a browser without JavaScript.
 */
@org.springframework.test.annotation.DirtiesContext // uploads model versions
class ModelFunnelGuardIT extends DemoServer {

    @Autowired
    JdbcTemplate jdbc;


    @Test
    void aModelWhoseFunnelCannotReadTheStoredExportsIsRefusedOnThePageAndAnUnreadableExportGivesANote()
            throws Exception {
        ApiClient grace = user("grace");
        for (String[] f : OutcomeApiIT.EXAMPLE_FILES) {
            ApiClient.Response r = grace.multipart("/api/v1/outcomes/imports", "kind", f[0], "file", OutcomeApiIT.file(f[1]));
            assertThat(r.status()).as(f[1] + ": " + r.body()).isEqualTo(201);
        }
        String model = grace.get("/api/v1/model", "Accept", "application/yaml").body();
        String narrower = model + "\nfunnel:\n  stages: [{ id: lead }, { id: mql }, { id: opportunity }, { id: won }]\n"
                + "  handoff: { from: mql, to: opportunity }\n";
        long versions = versions();

        FormSession pages = new FormSession(port).signIn("grace");
        HttpResponse<String> refused = pages.form("/model", "/model", "source", narrower);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("model.yaml was not stored: The new model")
                .contains("funnel: section would no longer read the stored outcome export leads.csv")
                .contains("leads.csv:3:6").contains("Working - Contacted");
        assertThat(versions()).as("nothing stored").isEqualTo(versions);

        // The model editor's Save: a funnel whose sales-accepted stage reads Working - Contacted, then a draft
        // without that status: not saved, the draft kept, nothing stored.
        String withFunnel = model + "\nfunnel:\n  stages:\n    - { id: lead }\n    - { id: mql }\n"
                + "    - { id: sal, statuses: [Working - Contacted], date-columns: [SQL Date] }\n"
                + "    - { id: opportunity }\n    - { id: won }\n  handoff: { from: mql, to: sal }\n";
        ApiClient.Response sal = grace.put("/api/v1/model", "application/yaml", withFunnel);
        assertThat(sal.status()).as(sal.body()).isEqualTo(201);
        versions = versions();
        assertThat(pages.form("/model/edit", "/model/edit/start", "from", "current").statusCode()).isEqualTo(302);
        HttpResponse<String> removed = pages.form("/model/edit", "/model/edit/remove", "path", "funnel.stages[2].statuses[0]");
        assertThat(removed.statusCode()).as(removed.body()).isLessThan(400);
        assertThat(jdbc.queryForObject("select source from model_drafts where username = 'grace'", String.class))
                .doesNotContain("Working - Contacted");
        HttpResponse<String> save = pages.form("/model/edit", "/model/edit/save", "confirm", "yes");
        assertThat(save.statusCode()).as(save.body()).isEqualTo(409);
        assertThat(save.body()).contains("Not saved: The new model")
                .contains("funnel: section would no longer read the stored outcome export leads.csv")
                .contains("Working - Contacted").contains("Your draft is kept.");
        assertThat(versions()).as("nothing stored").isEqualTo(versions);
        assertThat(jdbc.queryForObject("select count(*) from model_drafts where username = 'grace'", Long.class)).isOne();

        // Stored before uploads were checked, say: an export no funnel reads. The page says so, it does not fail.
        String id = jdbc.queryForObject("select id from outcome_batches where file_name = 'leads.csv'", String.class);
        jdbc.update("update outcome_exports set content = ? where batch_id = ?",
                new String(OutcomeApiIT.file("salesforce/leads.csv").content(), StandardCharsets.UTF_8)
                        .replace("Working - Contacted", "Discovery Call").getBytes(StandardCharsets.UTF_8), id);
        for (String by : new String[] {"campaign", "work-type"}) {
            HttpResponse<String> page = pages.get("/outcomes?by=" + by);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"outcomes-unreadable\"")
                    .contains("The stored outcome exports cannot be read under the current model")
                    .contains("leads.csv:3:6").doesNotContain("id=\"outcomes-empty\"");
        }
        HttpResponse<String> intake = pages.get("/intake/forms/campaign-request");
        assertThat(intake.statusCode()).as(intake.body()).isEqualTo(200);
        assertThat(intake.body()).contains("the stored outcome data cannot be read: the Outcomes page says why");
    }

    long versions() {
        return jdbc.queryForObject("select count(*) from model_versions", Long.class);
    }
}
