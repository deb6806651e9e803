package dev.baton.insight.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.insight.SharedData;
import dev.baton.insight.debt.meetings.MeetingRules;
import dev.baton.insight.debt.meetings.MeetingTally;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.insight.tools.PeopleAcrossTools;
import dev.baton.insight.tools.ToolUse;
import dev.baton.model.OperatingModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A log's cases split into groups, each group's partial report closed against the whole log's
 * horizon, serialized (as Spark would ship it) and merged in any order gives the report
 * {@code analyze} gives for the whole log.
 */
class DebtPartialTest {

    @Test
    void simulatedLogsSplitAnyWayGiveTheWholeReport() throws IOException {
        for (String example : List.of("b2b-saas.yaml", "content-team.yaml")) {
            OperatingModel model = GroundTruthTest.example(example);
            List<RecordedEvent> events = new ArrayList<>();
            Simulator.run(model, new SimulationSettings(500, 7, SimulationSettings.DEFAULT_START, 13, DebtRates.DEFAULT),
                    events::add);
            assertSplitsAgree(ModelHistory.of(model), events);
        }
    }

    @Test
    void importedItemsAreMeasuredToTheirBatchEndWhicheverPartHoldsIt() throws IOException {
        OperatingModel model = GroundTruthTest.example("b2b-saas.yaml");
        List<RecordedEvent> simulated = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(300, 11, SimulationSettings.DEFAULT_START, 8, DebtRates.DEFAULT),
                simulated::add);
        // A third of the items came from two Jira import batches, the first of which stopped early.
        List<RecordedEvent> events = new ArrayList<>();
        long cut = simulated.get(simulated.size() / 2).at().toEpochMilli();
        for (RecordedEvent e : simulated) {
            int group = Math.floorMod(e.stream().hashCode(), 3);
            if (group == 0 && e.at().toEpochMilli() > cut && e.stream().hashCode() % 2 == 0) {
                continue;
            }
            events.add(group != 0 ? e : new RecordedEvent(e.position(), e.stream(), e.version(), e.at(), e.actor(),
                    e.workType(), 0, null, e.event(), "jira:" + e.stream() + ":" + e.version(),
                    e.stream().hashCode() % 2 == 0 ? "batch-1" : "batch-2"));
        }
        assertSplitsAgree(ModelHistory.of(model), events);
    }

    @Test
    void workTrackedInTwoToolsMergesWithItsSwitchesAndDuplicates() throws IOException {
        OperatingModel model = GroundTruthTest.example("b2b-saas.yaml");
        List<RecordedEvent> events = twoTools(model, 200);
        DebtReport whole = DebtAnalysis.analyze(ModelHistory.of(model), List.of(), "log.jsonl", sink -> events.forEach(sink),
                Scope.ALL);
        assertThat(whole.toolSwitching().switches()).isPositive();
        assertThat(whole.toolSwitching().duplicatesTotal()).isPositive();
        assertSplitsAgree(ModelHistory.of(model), events);
    }

    /**
     * A simulated team whose every third item is also tracked in Jira, an hour behind, under its
     * issue key: the same people act in both tools, and each copy has its item's title.
     */
    static List<RecordedEvent> twoTools(OperatingModel model, int items) {
        List<RecordedEvent> simulated = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(items, 5, SimulationSettings.DEFAULT_START, 8, DebtRates.DEFAULT),
                simulated::add);
        List<RecordedEvent> all = new ArrayList<>(simulated);
        for (RecordedEvent e : simulated) {
            if (Math.floorMod(e.stream().hashCode(), 3) == 0) {
                String key = "MKT-" + Math.floorMod(e.stream().hashCode(), 10_000);
                all.add(new RecordedEvent(0, key, e.version(), e.at().plusSeconds(3600), e.actor(), e.workType(), 0, null,
                        e.event(), "jira:" + key + ":" + e.version(), "jira-1"));
            }
        }
        all.sort(java.util.Comparator.comparing(RecordedEvent::at));
        List<RecordedEvent> log = new ArrayList<>();
        for (RecordedEvent e : all) {
            log.add(new RecordedEvent(log.size() + 1, e.stream(), e.version(), e.at(), e.actor(), e.workType(),
                    e.modelVersion(), e.commandId(), e.event(), e.eventId(), e.batch()));
        }
        return log;
    }

    @Test
    void migratedItemsUnderSeveralVersionsMerge() throws IOException {
        HandMadeLog log = ModelVersionsTest.versionOneWork(30);
        log.add("m", HandMadeLog.at(0, 8, 0), "ann", 1, new dev.baton.engine.item.WorkItemEvent.ItemCreated("M", "draft",
                Map.of("title", "M"), null, null));
        log.add("m", HandMadeLog.at(0, 9, 0), "ann", 1, new dev.baton.engine.item.WorkItemEvent.StageEntered("draft", "review", false));
        log.add("m", HandMadeLog.at(1, 12, 0), "grace", 2, new dev.baton.engine.item.WorkItemEvent.ItemMigrated(1, 2, "review", "review"));
        log.add("m", HandMadeLog.at(1, 14, 0), "ann", 2, new dev.baton.engine.item.WorkItemEvent.StageEntered("review", "publish", false));
        assertSplitsAgree(ModelVersionsTest.BOTH, log.events());
    }

    @Test
    void meetingsAndTheItemsTheyGenerateMergeToo() throws IOException {
        HandMadeLog log = MeetingLoadTest.seed();
        assertSplitsAgree(ModelHistory.of(HandMadeLog.model(HandMadeLog.MODEL)), log.events());
        DebtReport whole = DebtAnalysis.analyze(HandMadeLog.model(HandMadeLog.MODEL), List.of(), "seed",
                sink -> log.events().forEach(sink));
        assertThat(whole.meetings().tasks().evidence()).hasSize(2);
        assertThat(whole.meetings().linked()).hasSize(1);
    }

    @Test
    void aProcessMiningLogFromTheSharedDatasetsSplitsToo() throws IOException {
        OperatingModel model = GroundTruthTest.example("b2b-saas.yaml");
        var log = EventLogs.read(SharedData.eventLog("running-example.xes"));
        List<RecordedEvent> events = new ArrayList<>();
        DebtAnalysis.of(log, model, "campaign").forEach(events::add);
        assertSplitsAgree(ModelHistory.of(model), events);
    }

    @Test
    void partsMustBeClosedAgainstTheWholeLog() throws IOException {
        OperatingModel model = GroundTruthTest.example("b2b-saas.yaml");
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(50, 3, SimulationSettings.DEFAULT_START, 4, DebtRates.DEFAULT), events::add);
        ModelHistory models = ModelHistory.of(model);
        List<DebtPartial> parts = split(models, events, 2);
        assertThatThrownBy(() -> parts.get(0).merge(parts.get(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close(horizon)");
        assertThatThrownBy(() -> parts.get(0).close(new DebtPartial.Horizon())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends before");
        DebtPartial.Horizon whole = parts.get(0).horizon().merge(parts.get(1).horizon());
        RecordedEvent last = events.get(events.size() - 1);
        DebtPartial.Horizon later = whole.copy();
        later.accept(new RecordedEvent(last.position() + 1, last.stream(), last.version() + 1, last.at().plusSeconds(86_400),
                last.actor(), last.workType(), last.modelVersion(), null, last.event()));
        parts.get(0).close(whole);
        parts.get(1).close(later);
        assertThatThrownBy(() -> parts.get(0).merge(parts.get(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different horizons");
    }

    /** The same log analysed in k buckets on disk: the whole report. */
    private static void assertBucketsAgree(ModelHistory models, List<RecordedEvent> events, Map<String, Object> expected)
            throws IOException {
        for (int k : new int[] {1, 3, 8}) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("debt-buckets-test");
            try {
                DebtReport buckets = DebtAnalysis.analyzeInBuckets(models, List.of(), "log.jsonl", sink -> events.forEach(sink),
                        Scope.ALL, PeopleAcrossTools.of(models.current()), k, dir);
                assertSameReport(DebtReportJson.toMap(buckets), expected, "buckets=" + k);
                try (var left = java.nio.file.Files.list(dir)) {
                    assertThat(left).as("bucket files are deleted").isEmpty();
                }
            } finally {
                java.nio.file.Files.deleteIfExists(dir);
            }
        }
    }

    /** k groups by case, accepted, closed, serialized, merged in a shuffled order: the whole report. */
    private static void assertSplitsAgree(ModelHistory models, List<RecordedEvent> events) throws IOException {
        DebtReport whole = DebtAnalysis.analyze(models, List.of(), "log.jsonl", sink -> events.forEach(sink), Scope.ALL);
        assertThat(whole.items()).isPositive();
        Map<String, Object> expected = DebtReportJson.toMap(whole);
        assertBucketsAgree(models, events, expected);
        Random random = new Random(42);
        for (int k : new int[] {1, 2, 5, 16}) {
            List<DebtPartial> parts = split(models, events, k);
            DebtPartial.Horizon horizon = new DebtPartial.Horizon();
            List<DebtPartial> shuffled = new ArrayList<>(parts);
            Collections.shuffle(shuffled, random);
            shuffled.forEach(p -> horizon.merge(p.horizon()));
            List<DebtPartial> closed = new ArrayList<>();
            for (DebtPartial p : parts) {
                closed.add(roundTrip(p.close(horizon)));
            }
            Collections.shuffle(closed, random);
            DebtReport merged = inTree(closed, DebtPartial::merge).finish(models, List.of(), "log.jsonl")
                    .with(streamWide(models, events).result()).withMeetings(meetings(models, events).finish());
            assertSameReport(DebtReportJson.toMap(merged), expected, "k=" + k);
            merged = merged.with(splitToolUse(models, events, k, random).result());
            assertSameReport(DebtReportJson.toMap(merged), expected, "k=" + k);
        }
    }

    private static List<DebtPartial> split(ModelHistory models, List<RecordedEvent> events, int k) {
        List<DebtPartial> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            parts.add(DebtAnalysis.partial(models));
        }
        events.forEach(e -> parts.get(Math.floorMod(e.stream().hashCode() * 31 + 7, k)).accept(e));
        return parts;
    }

    private static ToolUse streamWide(ModelHistory models, List<RecordedEvent> events) {
        ToolUse tools = new ToolUse(PeopleAcrossTools.of(models.current()));
        events.stream().filter(DebtPartial::measured).forEach(tools);
        return tools;
    }

    /**
     * Tool use read part by part (the same split by case), each part forgetting its items, sent
     * (serialized) and merged in a shuffled tree into the tool use of the whole, as Spark's
     * analyze does; a log of one system keeps only days per person.
     */
    private static ToolUse splitToolUse(ModelHistory models, List<RecordedEvent> events, int k, Random random)
            throws IOException {
        PeopleAcrossTools people = PeopleAcrossTools.of(models.current());
        long systems = events.stream().filter(DebtPartial::measured).map(ToolUse::systemOf)
                .filter(java.util.Objects::nonNull).distinct().count();
        java.util.function.Supplier<ToolUse> fresh = () -> systems <= 1 ? ToolUse.ofOneSource(people) : new ToolUse(people);
        List<ToolUse> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            parts.add(fresh.get());
        }
        events.stream().filter(DebtPartial::measured)
                .forEach(e -> parts.get(Math.floorMod(e.stream().hashCode() * 31 + 7, k)).accept(e));
        List<ToolUse> sent = new ArrayList<>();
        for (ToolUse part : parts) {
            part.forgetItems();
            sent.add(roundTrip(part));
        }
        Collections.shuffle(sent, random);
        return fresh.get().merge(inTree(sent, ToolUse::merge));
    }

    /** A tree of merges rather than a chain: (((0 1) (2 3)) ...). */
    private static <T> T inTree(List<T> parts, java.util.function.BinaryOperator<T> merge) {
        while (parts.size() > 1) {
            List<T> next = new ArrayList<>();
            for (int i = 0; i < parts.size(); i += 2) {
                next.add(i + 1 < parts.size() ? merge.apply(parts.get(i), parts.get(i + 1)) : parts.get(i));
            }
            parts = next;
        }
        return parts.get(0);
    }

    private static MeetingTally meetings(ModelHistory models, List<RecordedEvent> events) {
        MeetingTally meetings = new MeetingTally(models.current(), MeetingRules.of(models.current().debt()));
        events.forEach(meetings::accept);
        return meetings;
    }

    @SuppressWarnings("unchecked")
    private static <T extends java.io.Serializable> T roundTrip(T part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(part);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Equal; doubles to one unit of the JSON's sixth decimal: sums of fractional hours added in
     * another order differ in their last bits, which can round the sixth decimal the other way.
     */
    static void assertSameReport(Object actual, Object expected, String path) {
        if (expected instanceof Double d && actual instanceof Number n) {
            assertThat(n.doubleValue()).as(path).isCloseTo(d, org.assertj.core.data.Offset.offset(1e-6 + Math.abs(d) * 1e-12));
        } else if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            assertThat(new ArrayList<Object>(a.keySet())).as(path).containsExactlyElementsOf(new ArrayList<Object>(e.keySet()));
            e.forEach((key, value) -> assertSameReport(a.get(key), value, path + "." + key));
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            assertThat(a).as(path).hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                assertSameReport(a.get(i), e.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
