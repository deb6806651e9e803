package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateAndAnalyzeCommandTest {

    @TempDir
    Path tmp;

    private Path simulate(String model, int items, long seed, String... extra) {
        Path log = tmp.resolve("log-" + seed + ".jsonl");
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--model", CliRun.example(model), "--items",
                String.valueOf(items), "--seed", String.valueOf(seed), "--out", log.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return log;
    }

    @Test
    void simulateWritesTheSameLogForTheSameSeedAndTheTruthBesideIt() throws Exception {
        Path truth = tmp.resolve("truth.json");
        Path first = simulate("content-team.yaml", 120, 11, "--truth", truth.toString(), "--rework-rate", "0.4");
        byte[] firstBytes = Files.readAllBytes(first);
        Path again = tmp.resolve("again.jsonl");
        CliRun run = CliRun.of("simulate", "--model", CliRun.example("content-team.yaml"), "--items", "120", "--seed", "11",
                "--rework-rate", "0.4", "--out", again.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("events of 120 items");
        assertThat(Files.readAllBytes(again)).isEqualTo(firstBytes);
        String json = Files.readString(truth);
        assertThat(json).contains("\"reworkRate\": 0.4").contains("\"realised\"").contains("\"itemsReworked\"");
        assertThat(tmp.resolve("log-11.jsonl.partial")).doesNotExist();
    }

    @Test
    void simulateRefusesBadRatesAndBadModelsWithReasons() throws Exception {
        CliRun rates = CliRun.of("simulate", "--model", CliRun.example("b2b-saas.yaml"), "--items", "0", "--seed", "1",
                "--skip-rate", "2", "--sla-overrun", "0.2:x", "--out", tmp.resolve("x.jsonl").toString());
        assertThat(rates.exitCode()).isEqualTo(1);
        assertThat(rates.err()).contains("items: expected at least 1, found 0")
                .contains("skip-rate: expected a rate from 0 to 1, found 2.0")
                .contains("--sla-overrun: expected RATE[:FACTOR[:SIGMA]]");
        assertThat(tmp.resolve("x.jsonl")).doesNotExist();

        CliRun model = CliRun.of("simulate", "--model", CliRun.example("broken/five-mistakes.yaml"), "--items", "5",
                "--seed", "1", "--out", tmp.resolve("y.jsonl").toString());
        assertThat(model.exitCode()).isEqualTo(1);
        assertThat(model.err()).contains("five-mistakes.yaml:").contains("invalid, fix the errors above first");

        Path profile = tmp.resolve("profile.yaml");
        Files.writeString(profile, "skip-rate: 0.2\nbounce: 0.1\n");
        CliRun badProfile = CliRun.of("simulate", "--model", CliRun.example("b2b-saas.yaml"), "--items", "5", "--seed", "1",
                "--profile", profile.toString(), "--out", tmp.resolve("z.jsonl").toString());
        assertThat(badProfile.exitCode()).isEqualTo(1);
        assertThat(badProfile.err()).contains("profile.yaml:2:1: expected one of").contains("found 'bounce'");
    }

    @Test
    void analyzeGivesTextJsonAndAStandaloneHtmlPage() throws Exception {
        Path log = simulate("b2b-saas.yaml", 300, 5);

        CliRun text = CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log", log.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Debt score").contains("Top actions").contains("AI readiness")
                .contains("Phases completed: ");

        CliRun json = CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log", log.toString(), "--format", "json");
        Map<String, Object> report = json.jsonObject();
        assertThat(report).containsKeys("score", "costHours", "components", "breakdowns", "topActions", "aiReadiness",
                "phases", "flows");
        assertThat(CliRun.objects(report, "components")).extracting(c -> c.get("id")).containsExactly(
                "flow-conformance", "ownership", "handoffs", "decision-drag", "sla", "rework", "reactive-load", "wip",
                "coordination-share", "goal-alignment");
        assertThat(((Number) report.get("items")).intValue()).isEqualTo(300);

        Path html = tmp.resolve("report.html");
        CliRun page = CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log", log.toString(),
                "--format", "html", "--out", html.toString());
        assertThat(page.exitCode()).isZero();
        String content = Files.readString(html);
        assertThat(content).startsWith("<!DOCTYPE html>").contains("<svg").contains("Declared flow beside actual flow")
                .doesNotContain("<script src").doesNotContain("<link ").doesNotContainPattern("(src|href)=\"https?:");
    }

    @Test
    void analyzeNamesWhatIsWrongWithItsInputs() throws Exception {
        String model = CliRun.example("b2b-saas.yaml");
        CliRun missing = CliRun.of("analyze", "--model", model, "--log", tmp.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.jsonl: error: no such file");

        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, "{\"position\":1,\"stream\":\"a\",\"version\":1,\"at\":\"2026-01-05T09:00:00Z\","
                + "\"actor\":\"x\",\"type\":\"ItemCreated\",\"data\":{\"stage\":\"brief\"}}\nnot json\n");
        CliRun bad = CliRun.of("analyze", "--model", model, "--log", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith(broken + ":2: not JSON");
        assertThat(bad.err()).doesNotContain("Exception");

        Path empty = tmp.resolve("empty.jsonl");
        Files.writeString(empty, "");
        CliRun none = CliRun.of("analyze", "--model", model, "--log", empty.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("expected work-item events");

        CliRun badModel = CliRun.of("analyze", "--model", CliRun.example("broken/five-mistakes.yaml"), "--log", broken.toString());
        assertThat(badModel.exitCode()).isEqualTo(1);
        assertThat(badModel.err()).contains("invalid, fix the errors above first");

        CliRun noDir = CliRun.of("analyze", "--model", model, "--log", simulate("b2b-saas.yaml", 5, 1).toString(),
                "--out", tmp.resolve("no/such/dir/report.html").toString());
        assertThat(noDir.exitCode()).isEqualTo(1);
        assertThat(noDir.err()).contains("no such directory");
    }

    @Test
    void analyzeReadsAToolExportThroughAnImportMapping() throws Exception {
        Path export = tmp.resolve("jira.json");
        Files.writeString(export, """
                {"issues": [{"id": "1", "key": "MKT-1",
                  "fields": {"summary": "Post", "issuetype": {"name": "Story"}, "project": {"key": "MKT"},
                             "created": "2026-03-02T09:00:00.000+0000", "status": {"name": "Done"},
                             "creator": {"displayName": "Zoe Park"}},
                  "changelog": {"histories": [
                    {"id": "11", "author": {"displayName": "Zoe Park"}, "created": "2026-03-02T10:00:00.000+0000",
                     "items": [{"field": "status", "fromString": "Ideas", "toString": "Writing"}]},
                    {"id": "12", "author": {"displayName": "Ana Silva"}, "created": "2026-03-05T10:00:00.000+0000",
                     "items": [{"field": "status", "fromString": "Writing", "toString": "Editing"}]},
                    {"id": "13", "author": {"displayName": "Zoe Park"}, "created": "2026-03-06T10:00:00.000+0000",
                     "items": [{"field": "status", "fromString": "Editing", "toString": "Live"}]}]}}]}
                """);
        Path map = tmp.resolve("map.yaml");
        Files.writeString(map, """
                stages: { Ideas: pitch, Writing: draft, Editing: edit, Live: publish }
                people: { Zoe Park: zoe.park, Ana Silva: ana.silva }
                work-types: { default: blog-post }
                """);
        String model = CliRun.example("content-team.yaml");

        CliRun run = CliRun.of("analyze", "--model", model, "--log", export.toString(), "--mapping", map.toString(),
                "--kind", "jira-json", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> report = run.jsonObject();
        assertThat(((Number) report.get("items")).intValue()).isEqualTo(1);
        List<Map<String, Object>> flows = CliRun.objects(report, "flows");
        assertThat(flows.get(0).get("workType")).isEqualTo("blog-post");
        assertThat(flows.get(0).get("cases")).isEqualTo(1);

        CliRun noKind = CliRun.of("analyze", "--model", model, "--log", export.toString(), "--mapping", map.toString());
        assertThat(noKind.exitCode()).isEqualTo(2);
        assertThat(noKind.err()).contains("expected --kind KIND");

        Files.writeString(map, "stages: { Ideas: nowhere }\nwork-types: { default: blog-post }\n");
        CliRun badMap = CliRun.of("analyze", "--model", model, "--log", export.toString(), "--mapping", map.toString(),
                "--kind", "jira-json");
        assertThat(badMap.exitCode()).isEqualTo(1);
        assertThat(badMap.err()).contains("map.yaml:1:").contains("nowhere");
    }
}
