package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.batch.BatchEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.engine.meeting.MeetingEvent.MeetingHeld;
import dev.baton.insight.debt.DebtReportJson;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.validation.ModelValidation;
import dev.baton.scale.debt.ScaleDebt;
import dev.baton.scale.log.ScaleLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team that tracks a third of its work in Jira too and holds meetings that generate items: tool
 * switching (a person's actions across partitions), duplicated tracking (items in different
 * partitions linked by title) and the meeting load (the tasks meetings generate, a retracted
 * calendar import left out) of the Spark job equal the single machine's.
 */
class ToolsAndMeetingsOnSparkTest {

    @TempDir
    static Path dir;
    static Path log;
    static SparkSession spark;

    @BeforeAll
    static void simulate() throws IOException {
        spark = LocalSpark.get();
        OperatingModel model = ModelValidation.validate(AnalyzeOnSparkTest.MODEL).model();
        List<RecordedEvent> simulated = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(150, 9, SimulationSettings.DEFAULT_START, 8, DebtRates.DEFAULT),
                simulated::add);
        List<String> people = model.people().stream().map(Person::id).toList();
        List<RecordedEvent> all = new ArrayList<>(simulated);
        int meetings = 0;
        for (RecordedEvent e : simulated) {
            int h = Math.floorMod(e.stream().hashCode(), 21);
            String key = "MKT-" + Math.floorMod(e.stream().hashCode(), 10_000);
            if (h % 3 == 0) {
                // The same work in Jira, an hour later, by the same people.
                all.add(new RecordedEvent(0, key, e.version(), e.at().plusSeconds(3600), e.actor(), e.workType(), 0, null,
                        e.event(), "jira:" + key + ":" + e.version(), "jira-1"));
            }
            if (e.event() instanceof ItemCreated c && h % 7 == 0) {
                // A meeting an hour before the item, named in it; the item's creator and someone else attended.
                String other = people.get(Math.floorMod(e.stream().hashCode(), people.size()));
                String batch = meetings % 5 == 4 ? "cal-old" : "cal-1";
                all.add(meeting("m-" + meetings++, e.at().minusSeconds(7200), e.at().minusSeconds(3600), c.title(),
                        "follow-up in " + key, List.of(e.actor(), other), batch));
            }
        }
        Instant first = simulated.get(0).at();
        for (int week = 0; week < 20; week++) {
            Instant start = first.plusSeconds(week * 7L * 86_400);
            all.add(meeting("weekly-" + week, start, start.plusSeconds(1800), "Weekly sync", null, people, "cal-1"));
        }
        all.sort(Comparator.comparing(RecordedEvent::at));
        List<RecordedEvent> events = new ArrayList<>();
        for (RecordedEvent e : all) {
            events.add(new RecordedEvent(events.size() + 1, e.stream(), e.version(), e.at(), e.actor(), e.workType(),
                    e.modelVersion(), e.commandId(), e.event(), e.eventId(), e.batch()));
        }
        Instant last = events.get(events.size() - 1).at();
        for (String batch : List.of("jira-1", "cal-1", "cal-old")) {
            events.add(new RecordedEvent(events.size() + 1, BatchEvent.stream(batch), 1, last, "importer", null, 1, null,
                    new BatchEvent.BatchImported(batch, "ics", batch + ".ics", 10, 20, 20, null, null, last.toString(),
                            last.toString()), null, null));
        }
        events.add(new RecordedEvent(events.size() + 1, BatchEvent.stream("cal-old"), 2, last, "importer", null, 1, null,
                new BatchEvent.ImportRetracted("cal-old", 10), null, null));
        log = dir.resolve("two-tools.jsonl");
        EventLogJsonl.write(log, events);
    }

    private static RecordedEvent meeting(String uid, Instant start, Instant end, String title, String description,
                                         List<String> attendees, String batch) {
        return new RecordedEvent(0, "calendar:" + uid, 1, start, "calendar", null, 0, null,
                new MeetingHeld(uid, title, description, end.toString(), false, uid.startsWith("weekly"), attendees,
                        List.of(), List.of("team")), "ics:" + uid, batch);
    }

    @Test
    void toolSwitchingDuplicatesAndMeetingLoadEqualTheSingleMachines() throws IOException {
        var report = ScaleDebt.report(ScaleLog.read(spark, log.toString()), AnalyzeOnSparkTest.MODEL.toString(),
                Files.readString(AnalyzeOnSparkTest.MODEL), 4);

        Map<String, Object> expected = AnalyzeOnSparkTest.singleMachine(log);
        assertThat(report.toolSwitching().switches()).isPositive();
        assertThat(report.toolSwitching().duplicatesTotal()).isPositive();
        assertThat(report.meetings().instances()).isPositive();
        assertThat(report.meetings().tasks().evidence()).isNotEmpty();
        assertThat(report.meetings().linked()).isNotEmpty();
        JsonTrees.assertSameReport(DebtReportJson.toMap(report), expected);
    }

    @Test
    void aPeriodAndASourceAreReportedAsBatonAnalyzeReportsThem() throws IOException {
        Path out = dir.resolve("scoped.json");
        for (String[] scope : List.of(new String[] {"--from", "2026-02-01", "--to", "2026-03-15T12:00:00Z"},
                new String[] {"--source", "jira"}, new String[] {"--from", "2026-02-15", "--source", "baton,ics"})) {
            List<String> args = new ArrayList<>(List.of("analyze", "--model", AnalyzeOnSparkTest.MODEL.toString(), "--log",
                    log.toString(), "--out", out.toString(), "--partitions", "3"));
            args.addAll(List.of(scope));
            StringWriter err = new StringWriter();
            int code = ScaleMain.run(args.toArray(String[]::new), spark, new PrintWriter(new StringWriter()),
                    new PrintWriter(err, true));
            assertThat(code).as(err.toString()).isZero();
            Map<String, String> given = new java.util.HashMap<>();
            for (int i = 0; i < scope.length; i += 2) {
                given.put(scope[i], scope[i + 1]);
            }
            Scope expected = Scope.parse("--from", given.get("--from"), "--to", given.get("--to"),
                    given.containsKey("--source") ? List.of(given.get("--source").split(",")) : List.of());
            var single = AnalyzeOnSparkTest.singleMachine(log, expected);
            assertThat(((Number) single.get("items")).longValue()).as(String.join(" ", scope)).isPositive();
            JsonTrees.assertSame(JsonTrees.JSON.readTree(Files.readString(out)), JsonTrees.JSON.valueToTree(single), "$");
        }

        StringWriter usage = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"analyze", "--model", AnalyzeOnSparkTest.MODEL.toString(), "--log",
                log.toString(), "--from", "last spring"}, spark, new PrintWriter(new StringWriter()),
                new PrintWriter(usage, true))).isEqualTo(ScaleMain.USAGE);
        assertThat(usage.toString()).contains("--from").contains("'last spring'");
    }
}
