package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunnelCommandTest {

    static final String SALESFORCE = CliRun.example("outcomes/salesforce");
    static final String TOUCHPOINTS = CliRun.example("outcomes/touchpoints.csv");

    @TempDir
    Path tmp;

    @Test
    void jsonHasTheDocumentedShapeAndTheFiguresOfTheExamples() {
        CliRun run = CliRun.of("funnel", "--crm", SALESFORCE, "--touchpoints", TOUCHPOINTS, "--by", "campaign",
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsKeys("stages", "by", "per", "conversion", "lookbackDays", "asOf", "inputs", "total",
                "groups", "unmatched", "notes");
        assertThat(json).containsEntry("by", "campaign").containsEntry("per", "account").containsEntry("lookbackDays", 90.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) json.get("total");
        List<Map<String, Object>> stages = CliRun.objects(total, "stages");
        assertThat(stages).extracting(s -> s.get("count")).containsExactly(6, 5, 3, 3, 1);
        assertThat(stages.get(1)).containsEntry("conversionToNext", 0.6).containsEntry("medianDaysToNext", 5.0);
        assertThat(stages.get(4)).containsEntry("conversionToNext", null);
        assertThat(total.get("sourced")).isEqualTo(Map.of("opportunities", 3, "pipeline", 54000.0, "won", 1,
                "revenue", 24000.0));
        @SuppressWarnings("unchecked")
        Map<String, Object> handoff = (Map<String, Object>) total.get("handoff");
        assertThat(handoff).containsEntry("handedOver", 5).containsEntry("accepted", 3).containsEntry("slaHours", 48);
        assertThat(handoff.get("neverWorked")).isEqualTo(Map.of("count", 1, "examples",
                List.of("00Q5g00000AbCd4 (mql since 2026-02-11)")));
        assertThat(CliRun.objects(json, "groups")).extracting(g -> g.get("key")).contains("Q1 Analytics Webinar",
                "Q1 Search", "Jan Newsletter");
        assertThat(CliRun.objects(json, "unmatched")).extracting(u -> u.get("what"))
                .contains("touchpoints from personal email addresses with no account");
        assertThat(run.out()).doesNotContain("NaN");
    }

    @Test
    void textShowsEachStageAndTheHandoff() {
        CliRun run = CliRun.of("funnel", "--crm", SALESFORCE, "--touchpoints", TOUCHPOINTS, "--by", "none");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("mql\\s+5\\s+60\\.0%\\s+5 \\(3\\)\\s+42\\.00")
                .contains("handoff mql -> sql: 5 handed over, 3 accepted (median 5 days)")
                .contains("1 never worked (00Q5g00000AbCd4 (mql since 2026-02-11))");
    }

    @Test
    void journeysAreWrittenAsPathDataRows() throws Exception {
        Path out = tmp.resolve("paths.csv");

        CliRun run = CliRun.of("funnel", "journeys", "--crm", SALESFORCE, "--touchpoints", TOUCHPOINTS, "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("""
                "path","total_conversions","total_conversion_value","total_null"
                "email",0,0,1
                "email > webinar",1,18000,0
                "paid_search",0,0,1
                "paid_search > Event",0,0,1
                "paid_search > webinar",1,24000,0
                "webinar > display",1,12000,0
                """);
        assertThat(run.err()).contains("6 journeys (3 converted, 3 not), 6 distinct paths");
    }

    @Test
    void wonConversionsAndAShortLookbackChangeThePaths() {
        CliRun run = CliRun.of("funnel", "journeys", "--crm", SALESFORCE, "--touchpoints", TOUCHPOINTS,
                "--conversion", "won", "--lookback", "30d");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"email\",1,24000,0");
    }

    @Test
    void badDataExitsOneWithFileLineAndColumnAndWritesNothing() throws Exception {
        Path bad = tmp.resolve("opps.csv");
        Files.writeString(bad, """
                Opportunity ID,Stage,Amount,Created Date,Close Date
                0061,Prospecting,100,3/1/2026,3/31/2026
                0062,Closed Won,100,3/1/2026,31/31/2026
                0061,Prospecting,100,3/1/2026,3/31/2026
                0063,Discovery Call,100,3/1/2026,3/31/2026
                """);
        Path out = tmp.resolve("paths.csv");

        CliRun run = CliRun.of("funnel", "journeys", "--crm", bad.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().lines().toList()).containsExactly(
                bad + ":3:5: column 'Close Date': expected a date like 2026-03-31, found '31/31/2026'",
                bad + ":5:2: column 'Stage': unknown stage 'Discovery Call': expected a funnel stage (lead, mql, sql, "
                        + "opportunity, won), a Salesforce or HubSpot default, or a value the mapping's 'stages' names "
                        + "(add a line such as 'Discovery Call: opportunity')");
        assertThat(out).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withAModelTheMetricsAreMeasuredAgainstTheirTargets() throws Exception {
        String model = CliRun.example("b2b-saas.yaml");
        CliRun text = CliRun.of("funnel", "--crm", SALESFORCE, "--touchpoints", TOUCHPOINTS, "--by", "none", "--model", model);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Metric targets against actuals:")
                .contains("  2026-Q1  missed by 99%: 54,000 against 4,200,000 (3 opportunities sourced)")
                .contains("  2026-Q1  met: 50 against 27 (2 opportunities closed)")
                .contains("  2026-Q1  met: 60 against 35 (5 reached mql)")
                .contains("Launch readiness (launch-readiness): not measurable yet: add measure:");

        CliRun json = CliRun.of("funnel", "--crm", SALESFORCE, "--touchpoints", TOUCHPOINTS, "--model", model,
                "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) json.jsonObject().get("metrics");
        assertThat(CliRun.objects(metrics, "measured")).hasSize(3);
        assertThat(CliRun.objects(metrics, "notMeasured")).hasSize(3);

        Path broken = tmp.resolve("model.yaml");
        Files.writeString(broken, "apiVersion: baton/v1\nmetrics:\n  - id: a\n    measure: win-rat\n");
        CliRun bad = CliRun.of("funnel", "--crm", SALESFORCE, "--model", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(bad.err()).contains(":4:14: error: expected a measure").contains("did you mean 'win-rate'?");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void aMissingColumnABadMappingAndABadLookbackAreNamed() throws Exception {
        Path leads = tmp.resolve("leads.csv");
        Files.writeString(leads, "Lead ID,Email,Company,Lead Status\n00Q1,a@x.example,X,Open\n");
        CliRun missing = CliRun.of("funnel", "--crm", leads.toString());
        assertThat(missing.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(missing.err()).contains(leads + ":1:1: a Salesforce leads report needs the column 'Created Date' "
                + "(or 'Create Date'); the header is: Lead ID, Email, Company, Lead Status");

        Path mapping = tmp.resolve("map.yaml");
        Files.writeString(mapping, "stages:\n  Discovery: discovery\n");
        CliRun badMapping = CliRun.of("funnel", "--crm", SALESFORCE, "--mapping", mapping.toString());
        assertThat(badMapping.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(badMapping.err()).startsWith(mapping + ":2:14: error: expected a funnel stage, lost or rejected");

        CliRun badLookback = CliRun.of("funnel", "--crm", SALESFORCE, "--lookback", "ninety");
        assertThat(badLookback.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(badLookback.err()).contains("--lookback: expected a duration such as 90d");

        CliRun noFile = CliRun.of("funnel", "--crm", tmp.resolve("nope.csv").toString());
        assertThat(noFile.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(noFile.err()).contains("nope.csv: no such file");
    }

    @Test
    void hubSpotExportsAndTheExampleMappingWork() {
        CliRun run = CliRun.of("funnel", "--crm", CliRun.example("outcomes/hubspot"), "--mapping",
                CliRun.example("outcomes/outcome-mapping.yaml"), "--by", "quarter", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) run.jsonObject().get("total");
        assertThat(CliRun.objects(total, "stages")).extracting(s -> s.get("count")).containsExactly(4, 3, 1, 2, 1);
    }

    @Test
    void byWorkTypeWithoutTheLogAndTheModelIsAUsageErrorNamingThem() throws Exception {
        CliRun run = CliRun.of("funnel", "--crm", SALESFORCE, "--touchpoints", TOUCHPOINTS, "--by", "work-type");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--by work-type needs --log LOG and --model MODEL.yaml").doesNotContain("Exception");
    }
}
