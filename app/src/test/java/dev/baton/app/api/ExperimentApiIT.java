package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Experiment results over real HTTP on a real PostgreSQL (docs/experiments.md): an experiment item
 * created like any work, results uploaded as unit-level CSV (multipart) and as a stats file (body),
 * the analysis read back with SRM first, BH and the peeking guardrail on the second look; bad
 * uploads refused with the readers' file:line messages and nothing stored; the rhythm read. Every
 * answer is held to /api/docs by {@link ApiClient}.
 */
class ExperimentApiIT extends DemoServer {

    @org.springframework.beans.factory.annotation.Autowired
    dev.baton.engine.event.EventStore store;

    long events() {
        return ((Number) nobody().get("/api/health").json().get("events")).longValue();
    }

    String experiment(ApiClient as, String title) {
        ApiClient.Response created = as.post("/api/v1/items", """
                {"workType": "experiment", "title": "%s", "fields": {
                  "hypothesis": "A shorter subject line lifts revenue per recipient by 5%%",
                  "metric": "mql-to-sql", "variants": ["control", "treatment"], "allocation": "50/50",
                  "planned-sample-size": 4000, "decision-rule": "ship when revenue lifts with BH-adjusted p < 0.05",
                  "experiment-owner": "nora.haddad"}}""".formatted(title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    /** 1,000 units per arm; treatment's revenue is one higher; pre-period revenue correlates. */
    static byte[] units() {
        StringBuilder csv = new StringBuilder("unit,variant,revenue,pre_revenue,converted\n");
        for (int i = 0; i < 2000; i++) {
            String arm = i % 2 == 0 ? "control" : "treatment";
            int base = (i * 7) % 13;
            csv.append("u").append(i).append(',').append(arm).append(',')
                    .append(base + (arm.equals("treatment") ? 1 : 0)).append(',').append(base + (i % 3)).append(',')
                    .append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void unitLevelResultsAreRecordedAsSufficientStatisticsAndAnalysedSrmFirst() {
        ApiClient nora = user("nora");
        String id = experiment(nora, "Shorter subject line");
        ApiClient.Response none = nora.get("/api/v1/items/" + id + "/experiment-results");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json()).containsEntry("code", "no-results");

        ApiClient.Response up = nora.multipart("/api/v1/items/" + id + "/experiment-results",
                "file", new ApiClient.FilePart("results.csv", units()));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Map<String, Object> a = up.json();
        assertThat(a.keySet()).startsWith("item", "upload", "srm");
        assertThat(map(a.get("srm"))).containsEntry("mismatch", false);
        assertThat(map(a.get("upload"))).containsEntry("format", "units").containsEntry("file", "results.csv")
                .containsEntry("recordedBy", "nora.haddad").containsEntry("looks", 1).containsEntry("rows", 2000);
        assertThat(a).containsEntry("method", "frequentist").containsEntry("pValueAdjustment", "benjamini-hochberg");
        List<Map<String, Object>> metrics = list(a.get("metrics"));
        assertThat(metrics).extracting(m -> m.get("metric")).containsExactly("revenue", "converted");
        assertThat(metrics.get(0)).containsEntry("kind", "cuped");
        Map<String, Object> revenue = list(metrics.get(0).get("comparisons")).get(0);
        assertThat(revenue).containsEntry("arm", "treatment").containsEntry("baseline", "control");
        assertThat(((Number) revenue.get("pValueAdjusted")).doubleValue()).isLessThan(0.05);
        assertThat((List<String>) (List<?>) a.get("verdicts")).hasSize(2).first().asString().startsWith("revenue, treatment:");

        // read back from the store: the same analysis
        ApiClient.Response read = user("dev").get("/api/v1/items/" + id + "/experiment-results");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("metrics")).isEqualTo(a.get("metrics"));

        // the timeline has the event, without the file
        List<Map<String, Object>> history = list(nora.get("/api/v1/items/" + id).json().get("timeline"));
        Map<String, Object> recorded = history.stream().filter(e -> "ExperimentResultsRecorded".equals(e.get("type")))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(recorded)).doesNotContain("u1999").contains("sumSquares");

        // a second look at a fixed-horizon test before the planned 4,000 units: peeking
        ApiClient.Response again = nora.postAs("/api/v1/items/" + id + "/experiment-results?file=results.csv",
                "text/csv", new String(units(), StandardCharsets.UTF_8));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(map(again.json().get("upload"))).containsEntry("looks", 2);
        assertThat(list(again.json().get("warnings"))).extracting(w -> w.get("code")).contains("peeking");
    }

    @Test
    void aStatsFileWithAnSrmIsFlaggedBeforeAnyResult() {
        ApiClient nora = user("nora");
        String id = experiment(nora, "Pricing page hero");
        ApiClient.Response up = nora.postAs("/api/v1/items/" + id + "/experiment-results?file=stats.yaml", "application/yaml", """
                name: revenue
                method: sequential
                arms:
                  - {name: control,   n: 3407, sum: 1396.87, sum-squares: 52377.9767}
                  - {name: treatment, n: 4461, sum: 2422.7,  sum-squares: 134698.29}
                """);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(map(up.json().get("srm"))).containsEntry("mismatch", true);
        assertThat(up.json()).containsEntry("method", "sequential");
        assertThat((List<?>) up.json().get("verdicts")).first().asString().startsWith("The split of units is not the one planned");
        assertThat(list(up.json().get("warnings"))).extracting(w -> w.get("code")).contains("srm-mismatch")
                .doesNotContain("peeking");
    }

    @Test
    void badUploadsAreRefusedWithWhereAndNothingIsStored() {
        ApiClient nora = user("nora");
        String id = experiment(nora, "Webinar reminder timing");
        long before = events();

        ApiClient.Response csv = nora.postAs("/api/v1/items/" + id + "/experiment-results?file=results.csv", "text/csv",
                "unit,variant,revenue\nu1,control,12\nu2,treatment,abc\n");
        assertThat(csv.status()).as(csv.body()).isEqualTo(422);
        assertThat(csv.json()).containsEntry("code", "invalid-upload");
        assertThat((String) csv.json().get("detail")).startsWith("results.csv:3");
        assertThat((List<?>) csv.json().get("errors")).isNotEmpty();

        ApiClient.Response negative = nora.postAs("/api/v1/items/" + id + "/experiment-results?file=stats.yaml",
                "application/yaml", "arms:\n  - {name: control, n: -3, sum: 1, sum-squares: 1}\n"
                        + "  - {name: treatment, n: 10, sum: 1, sum-squares: 1}\n");
        assertThat(negative.status()).isEqualTo(422);
        assertThat((String) negative.json().get("detail")).contains("stats.yaml:2:").contains("expected a positive integer");

        ApiClient.Response oneArm = nora.multipart("/api/v1/items/" + id + "/experiment-results",
                "file", new ApiClient.FilePart("one-arm.csv", "unit,variant,revenue\nu1,control,1\nu2,control,2\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(oneArm.status()).isEqualTo(422);
        assertThat((String) oneArm.json().get("detail")).startsWith("one-arm.csv: expected one experiment with at least two arms");

        ApiClient.Response format = nora.postAs("/api/v1/items/" + id + "/experiment-results?format=excel", "text/csv", "x");
        assertThat(format.status()).isEqualTo(422);

        String campaign = "exp-a-campaign";
        dev.baton.app.PastCampaign.write(store, campaign, "Autumn webinar series", 40);
        before = events();
        ApiClient.Response notAnExperiment = nora.postAs("/api/v1/items/" + campaign + "/experiment-results", "text/csv",
                new String(units(), StandardCharsets.UTF_8));
        assertThat(notAnExperiment.status()).isEqualTo(422);
        assertThat((String) notAnExperiment.json().get("detail")).contains("not an experiment");

        assertThat(nora.postAs("/api/v1/items/nope/experiment-results", "text/csv", "unit,variant,x\n").status())
                .isEqualTo(404);
        assertThat(events()).isEqualTo(before);
        assertThat(nora.get("/api/v1/items/" + id + "/experiment-results").status()).isEqualTo(404);
    }

    @Test
    void theRhythmCountsExperimentsFromTheLog() {
        ApiClient nora = user("nora");
        experiment(nora, "Trial length");
        ApiClient.Response r = nora.get("/api/v1/experiments/rhythm");
        assertThat(r.status()).isEqualTo(200);
        assertThat(((Number) r.json().get("total")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(list(r.json().get("experiments"))).anyMatch(e -> "Trial length".equals(e.get("title"))
                && "designing".equals(e.get("outcome")) && "Demand team".equals(e.get("team")));
    }

    @Test
    void anExperimentMovedToStoppedWithoutADecisionCountsAsStopped() {
        ApiClient nora = user("nora");
        String id = experiment(nora, "Exit intent pop-up");
        ApiClient.Response moved = nora.post("/api/v1/items/" + id + "/move-to", "{\"stage\": \"stopped\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        ApiClient.Response r = nora.get("/api/v1/experiments/rhythm");
        assertThat(list(r.json().get("experiments"))).anyMatch(e -> id.equals(e.get("item"))
                && "stopped".equals(e.get("outcome")) && e.get("stoppedAt") != null && e.get("decidedAt") == null);
        assertThat(((Number) r.json().get("stopped")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) r.json().get("shareStopped")).doubleValue()).isGreaterThan(0);
        assertThat((String) r.json().get("sentence")).contains("stopped without a decision");
    }

    @Test
    void aRatioWithItsPrePeriodRatioIsStoredAndReadBackAdjusted() {
        ApiClient nora = user("nora");
        String id = experiment(nora, "Revenue per order");
        StringBuilder csv = new StringBuilder("unit,variant,rev,rev_denominator,pre_rev,pre_rev_denominator\n");
        for (int i = 0; i < 400; i++) {
            String arm = i % 2 == 0 ? "control" : "treatment";
            int orders = 1 + i % 3;
            int preOrders = 1 + (i / 3) % 2;
            int level = 10 + (i * 7) % 13;
            csv.append("u").append(i).append(',').append(arm).append(',')
                    .append(orders * (level + (arm.equals("treatment") ? 1 : 0))).append(',').append(orders).append(',')
                    .append(preOrders * level + i % 4).append(',').append(preOrders).append('\n');
        }
        ApiClient.Response up = nora.postAs("/api/v1/items/" + id + "/experiment-results?file=orders.csv", "text/csv",
                csv.toString());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Map<String, Object> metric = list(up.json().get("metrics")).get(0);
        assertThat(metric).containsEntry("metric", "rev").containsEntry("kind", "cuped-ratio");
        assertThat((List<?>) metric.get("theta")).singleElement().satisfies(t -> assertThat(((Number) t).doubleValue()).isPositive());
        assertThat(user("dev").get("/api/v1/items/" + id + "/experiment-results").json().get("metrics"))
                .isEqualTo(up.json().get("metrics"));
    }
}
