package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.funnel.FunnelJson;
import dev.baton.app.json.Json;
import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.Funnel;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton funnel --by work-type --log LOG --model MODEL.yaml}: the data of OutcomeApiIT's
 * work-type test (the example Salesforce exports and touchpoints, a Spring Gala touch, the mapping
 * {@code campaigns.link-field: campaign-name}, two campaign items naming "Q1 Analytics Webinar" and
 * "Q1 Search", one with an empty campaign name) gives the server's figures, worked out by hand:
 *
 * <pre>
 * campaign (Q1 Search, Q1 Analytics Webinar): Ana, Cho, Fay (first touch Q1 Search), Ben (the webinar) and
 *   Kestrel's opportunity: 4 leads, 3 MQLs, 2 SQLs, 2 opportunities, 1 won; lead → MQL 5, 7, 2 days: median 5;
 *   sourced Northwind (24,000, won) and Kestrel (12,000): 36,000 in 2; influenced 54,000 in 3 (Northwind once);
 *   cost the three search clicks: 150.
 * (no linked work item): Eli (first touch Jan Newsletter, which no item names): 1, 1, 1, 1, 0; sourced Orbit
 *   18,000; cost newsletter 5 + display 25 + social 30 = 60.
 * (none): Dee (a gmail address, no account): 1 lead, 1 MQL.
 * </pre>
 */
class FunnelByWorkTypeCommandTest {

    static final Path EXAMPLES = CliRun.ROOT.resolve("examples");
    static final String SALESFORCE = EXAMPLES.resolve("outcomes/salesforce").toString();
    static final String TOUCHPOINTS = EXAMPLES.resolve("outcomes/touchpoints.csv").toString();
    static final String MODEL = EXAMPLES.resolve("b2b-saas.yaml").toString();

    @TempDir
    Path tmp;

    Path gala;
    Path mapping;
    Path log;

    @BeforeEach
    void data() throws Exception {
        gala = Files.writeString(tmp.resolve("gala.csv"), "email,account,time,channel,campaign\n"
                + "fay@lumenfreight.example,,2026-03-05T10:00:00Z,event,Spring Gala\n");
        mapping = Files.writeString(tmp.resolve("mapping.yaml"), "campaigns:\n  link-field: campaign-name\n");
        StringBuilder events = new StringBuilder();
        String[][] items = {{"C-1", "Webinar push", "Q1 Analytics Webinar"}, {"C-2", "Search", "Q1 Search"},
                {"C-3", "Not named yet", null}};
        int position = 1;
        for (String[] item : items) {
            events.append("{\"position\":").append(position).append(",\"stream\":\"").append(item[0])
                    .append("\",\"version\":1,\"at\":\"2026-01-0").append(position)
                    .append("T09:00:00Z\",\"actor\":\"nora.haddad\",\"workType\":\"campaign\",\"modelVersion\":1,")
                    .append("\"commandId\":null,\"type\":\"ItemCreated\",\"data\":{\"title\":\"").append(item[1])
                    .append("\",\"stage\":\"brief\",\"fields\":{")
                    .append(item[2] == null ? "" : "\"campaign-name\":\"" + item[2] + "\"")
                    .append("},\"parent\":null,\"fromRequest\":null}}\n");
            position++;
        }
        // The campaign name may come later, as on the item page: the fold keeps the latest value.
        events.append("{\"position\":4,\"stream\":\"C-2\",\"version\":2,\"at\":\"2026-01-05T09:00:00Z\",")
                .append("\"actor\":\"nora.haddad\",\"workType\":\"campaign\",\"modelVersion\":1,\"commandId\":null,")
                .append("\"type\":\"FieldsUpdated\",\"data\":{\"changes\":{\"objective\":\"Pipeline\"}}}\n");
        log = Files.writeString(tmp.resolve("log.jsonl"), events);
    }

    List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of("funnel", "--crm", SALESFORCE, "--touchpoints", TOUCHPOINTS,
                gala.toString(), "--mapping", mapping.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    CliRun run(String... extra) {
        return CliRun.of(args(extra).toArray(String[]::new));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCliGivesTheServersFiguresByWorkType() throws Exception {
        CliRun run = run("--by", "work-type", "--log", log.toString(), "--model", MODEL, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsEntry("by", "work-type");
        List<Map<String, Object>> groups = CliRun.objects(json, "groups");
        // As OutcomeApiIT checks on the server for the same exports, mapping and items.
        assertThat(groups).extracting(g -> g.get("key")).containsExactly("(no linked work item)", "(none)", "campaign");
        Map<String, Object> campaign = groups.get(2);
        List<Map<String, Object>> stages = CliRun.objects(campaign, "stages");
        assertThat(stages).extracting(s -> s.get("count")).containsExactly(4, 3, 2, 2, 1);
        assertThat(stages.get(0)).containsEntry("medianDaysToNext", 5.0).containsEntry("conversionToNext", 0.75);
        assertThat((Map<String, Object>) campaign.get("sourced")).containsEntry("opportunities", 2)
                .containsEntry("pipeline", 36_000.0).containsEntry("revenue", 24_000.0);
        assertThat((Map<String, Object>) campaign.get("influenced")).containsEntry("opportunities", 3)
                .containsEntry("pipeline", 54_000.0);
        assertThat(campaign).containsEntry("cost", 150.0);

        Map<String, Object> unlinked = groups.get(0);
        assertThat(CliRun.objects(unlinked, "stages")).extracting(s -> s.get("count")).as("Eli, by Jan Newsletter")
                .containsExactly(1, 1, 1, 1, 0);
        assertThat((Map<String, Object>) unlinked.get("sourced")).containsEntry("opportunities", 1)
                .containsEntry("pipeline", 18_000.0);
        assertThat(unlinked).containsEntry("cost", 60.0);
        assertThat(CliRun.objects(groups.get(1), "stages")).extracting(s -> s.get("count")).as("Dee")
                .containsExactly(1, 1, 0, 0, 0);
        assertThat(run.err()).contains("3 campaign work items in log.jsonl (of 3 items): 2 linked to a campaign, 1 to none")
                .contains("C-3 (Not named yet): its campaign-name is empty");

        // The server's computation: the measure's funnel with each linked campaign relabelled by its item's
        // work type (CampaignOutcomes.relabel), through the API's JSON: the CLI prints the same groups.
        OutcomeMapping outcomeMapping = OutcomeMappingReader.read(Files.readString(mapping)).mapping();
        CrmReader.Result read = CrmReader.read(CrmReader.sources(List.of(Path.of(SALESFORCE), Path.of(TOUCHPOINTS), gala)),
                outcomeMapping);
        var server = FunnelJson.report(Funnel.compute(read.data(), IdentityMatcher.match(read.data(),
                        outcomeMapping.identity()), outcomeMapping, Dimension.WORK_TYPE, JourneyOptions.DEFAULT,
                Map.of("Q1 Search", "campaign", "Q1 Analytics Webinar", "campaign")), "account", "created", read.files(),
                read.notes());
        Map<String, Object> serverJson = Json.mapper().readValue(Json.write(server), Map.class);
        assertThat(json.get("groups")).isEqualTo(serverJson.get("groups"));
        assertThat(json.get("total")).isEqualTo(serverJson.get("total"));
    }

    @Test
    void theLogsBatonExportsToXesCsvAndOcelGiveTheSameGroups() {
        CliRun jsonl = run("--by", "work-type", "--log", log.toString(), "--model", MODEL, "--format", "json");
        assertThat(jsonl.exitCode()).as(jsonl.err()).isZero();
        for (String format : List.of("xes", "csv", "ocel")) {
            Path exported = tmp.resolve("log." + format);
            CliRun export = CliRun.of("export", "--log", log.toString(), "--to", format, "--out", exported.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();

            CliRun run = run("--by", "work-type", "--log", exported.toString(), "--model", MODEL, "--format", "json");

            assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
            assertThat(run.jsonObject().get("groups")).as(format).isEqualTo(jsonl.jsonObject().get("groups"));
            assertThat(run.err()).contains("2 linked to a campaign, 1 to none");
        }
    }

    @Test
    void textNamesTheSplitAndEachWorkType() {
        CliRun run = run("--by", "work-type", "--log", log.toString(), "--model", MODEL);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("By work-type:").contains("\ncampaign\n").contains("(no linked work item)")
                .containsPattern("\\n  lead\\s+4\\s+75\\.0%\\s+5 \\(3\\)\\s+37\\.50");
    }

    @Test
    void withoutTheLogAndTheModelItIsAUsageErrorNamingBoth() {
        CliRun neither = run("--by", "work-type");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--by work-type needs --log LOG and --model MODEL.yaml");

        CliRun noModel = run("--by", "work-type", "--log", log.toString());
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains("(--model is missing)");

        CliRun logWithoutWorkType = run("--by", "campaign", "--log", log.toString());
        assertThat(logWithoutWorkType.exitCode()).isEqualTo(2);
        assertThat(logWithoutWorkType.err()).contains("--log is read only with --by work-type");

        CliRun unknown = run("--by", "planet");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("expected one of campaign, channel, work-type, segment, quarter, none, "
                + "found 'planet'");
    }

    @Test
    void badInputIsSaidInOneLineWithExitOneAndNoStackTrace() throws Exception {
        CliRun noLog = run("--by", "work-type", "--log", tmp.resolve("none.jsonl").toString(), "--model", MODEL);
        assertThat(noLog.exitCode()).isEqualTo(1);
        assertThat(noLog.err()).contains("none.jsonl: error: no such file");
        assertThat(noLog.out()).isEmpty();

        CliRun noModel = run("--by", "work-type", "--log", log.toString(), "--model", tmp.resolve("m.yaml").toString());
        assertThat(noModel.exitCode()).isEqualTo(1);
        assertThat(noModel.err()).contains("m.yaml:1:1: error: expected a model file, found no file at this path");

        Files.writeString(mapping, "handoff:\n  sla: 3d\n");
        CliRun noLinkField = run("--by", "work-type", "--log", log.toString(), "--model", MODEL);
        assertThat(noLinkField.exitCode()).isEqualTo(1);
        assertThat(noLinkField.err()).contains("campaigns.link-field, which the outcome mapping does not name");
        assertThat(noLinkField.out()).isEmpty();

        Files.writeString(mapping, "campaigns:\n  link-field: utm-name\n");
        CliRun noTemplate = run("--by", "work-type", "--log", log.toString(), "--model", MODEL);
        assertThat(noTemplate.exitCode()).isEqualTo(1);
        assertThat(noTemplate.err()).contains("no template of the model has the field 'utm-name'");

        Files.writeString(mapping, "campaigns:\n  link-field: campaign-name\n");
        Path broken = Files.writeString(tmp.resolve("broken.jsonl"), Files.readString(log) + "not json\n");
        CliRun badLog = run("--by", "work-type", "--log", broken.toString(), "--model", MODEL);
        assertThat(badLog.exitCode()).isEqualTo(1);
        assertThat(badLog.err()).contains("broken.jsonl:5");
        assertThat(badLog.out()).isEmpty();

        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        CliRun noItems = run("--by", "work-type", "--log", empty.toString(), "--model", MODEL);
        assertThat(noItems.exitCode()).isEqualTo(1);
        assertThat(noItems.err()).contains("expected work-item events");

        for (CliRun r : List.of(noLog, noModel, noLinkField, noTemplate, badLog, noItems)) {
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
