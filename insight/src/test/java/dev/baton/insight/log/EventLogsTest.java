package dev.baton.insight.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.insight.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogsTest {

    @TempDir
    Path tmp;

    static Path resource(String name) {
        return Path.of("src/test/resources/logs").resolve(name);
    }

    static List<String> activities(EventLog log, int c) {
        List<String> names = new ArrayList<>();
        for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
            names.add(log.activityName(log.activity(e)));
        }
        return names;
    }

    static int caseNamed(EventLog log, String id) {
        for (int c = 0; c < log.caseCount(); c++) {
            if (log.caseId(c).equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no case " + id);
    }

    @Test
    void csvRowsBecomeCasesOrderedByTimeWithResourcesAndAttributes() {
        EventLog log = EventLogs.read(resource("small.csv"));

        assertThat(log.caseCount()).isEqualTo(3);
        assertThat(log.eventCount()).isEqualTo(9);
        int c3 = caseNamed(log, "c3");
        assertThat(activities(log, c3)).containsExactly("brief", "build");
        int c2 = caseNamed(log, "c2");
        assertThat(activities(log, c2)).containsExactly("brief", "build", "review", "review");
        int first = log.caseStart(c2);
        assertThat(Instant.ofEpochMilli(log.time(first))).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(Instant.ofEpochMilli(log.time(first + 1))).isEqualTo(Instant.parse("2024-03-02T12:00:00Z"));
        assertThat(log.resourceName(first)).contains("sam");
        assertThat(log.resourceName(log.caseStart(c3) + 1)).isEmpty();
        assertThat(log.eventAttribute(first + 2, "lifecycle")).contains("start");
        assertThat(log.eventAttribute(first + 1, "channel")).contains("web");
        assertThat(log.eventAttribute(first, "channel")).isEmpty();
        assertThat(log.eventAttribute(first, "work_type")).contains("campaign");
    }

    @Test
    void aLifecycleFilterKeepsOnlyThoseEvents() {
        EventLog log = EventLogs.read(resource("small.csv"), ReadOptions.defaults().withLifecycle("complete"));

        assertThat(activities(log, caseNamed(log, "c2"))).containsExactly("brief", "build", "review");
    }

    @Test
    void xesTracesAreCasesWithEventAndTraceAttributesInDocumentOrder() {
        EventLog log = EventLogs.read(resource("small.xes"));

        assertThat(log.caseCount()).isEqualTo(2);
        assertThat(log.caseId(0)).isEqualTo("t1");
        assertThat(activities(log, 0)).containsExactly("register", "check", "check");
        assertThat(log.caseAttribute(0, "region")).contains("EMEA");
        assertThat(log.caseAttribute(0, "meta")).isEmpty();
        assertThat(log.resourceName(0)).contains("Pete");
        assertThat(log.eventAttribute(0, "cost")).contains("50");
        assertThat(Instant.ofEpochMilli(log.time(0))).isEqualTo(Instant.parse("2010-12-30T13:32:00Z"));
        assertThat(log.eventAttribute(1, "lifecycle:transition")).contains("start");
    }

    @Test
    void xesLifecycleFilterDropsStartEventsButKeepsEventsWithoutLifecycle() {
        EventLog log = EventLogs.read(resource("small.xes"), ReadOptions.defaults().withLifecycle("complete"));

        assertThat(activities(log, 0)).containsExactly("register", "check");
        assertThat(activities(log, 1)).containsExactly("register");
    }

    @Test
    void malformedXesSaysLineAndColumn() {
        assertThatThrownBy(() -> EventLogs.read(resource("broken.xes")))
                .isInstanceOf(LogFormatException.class)
                .satisfies(e -> {
                    LogFormatException error = (LogFormatException) e;
                    assertThat(error.line()).isEqualTo(8);
                    assertThat(error.column()).isPositive();
                    assertThat(error.getMessage()).startsWith(resource("broken.xes") + ":8:")
                            .contains("malformed XES");
                });
    }

    @Test
    void xesWithAnExternalEntityIsRefusedWithoutReadingIt() {
        assertThatThrownBy(() -> EventLogs.read(resource("xxe.xes")))
                .isInstanceOf(LogFormatException.class)
                .hasMessageContaining("xxe.xes:");
    }

    @Test
    void gzippedXesIsRecognisedByItsBytes() throws IOException {
        Path gz = tmp.resolve("log.xes.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(resource("small.xes")));
        }
        Path noName = tmp.resolve("export.bin");
        Files.copy(gz, noName);

        assertThat(EventLogs.read(gz).eventCount()).isEqualTo(4);
        assertThat(EventLogs.read(noName).eventCount()).isEqualTo(4);
    }

    @Test
    void batonJsonlStagesAreActivitiesOfTheirStream() {
        EventLog log = EventLogs.read(resource("small.jsonl"));

        assertThat(log.caseCount()).isEqualTo(2);
        int item1 = caseNamed(log, "item-1");
        assertThat(activities(log, item1)).containsExactly("brief", "build", "brief");
        assertThat(log.caseAttribute(item1, "work_type")).contains("campaign");
        assertThat(log.resourceName(log.caseStart(item1) + 2)).contains("alex");
        assertThat(log.eventAttribute(log.caseStart(item1) + 2, "rework")).contains("true");
    }

    @Test
    void jsonlIsRecognisedByContentToo() throws IOException {
        Path copy = tmp.resolve("events.log");
        Files.copy(resource("small.jsonl"), copy);

        assertThat(EventLogs.read(copy).caseCount()).isEqualTo(2);
    }

    @Test
    void malformedJsonlSaysTheLine() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(resource("small.jsonl")));
        lines.set(2, "{\"position\": 3, \"stream\": ");
        Files.write(bad, lines);

        assertThatThrownBy(() -> EventLogs.read(bad))
                .isInstanceOf(LogFormatException.class)
                .hasMessageStartingWith(bad + ":3: error:");
    }

    @Test
    void ocelIsFlattenedOnTheTypeWithMostEvents() {
        EventLog log = EventLogs.read(resource("small.jsonocel"));

        assertThat(log.caseCount()).isEqualTo(3);
        assertThat(activities(log, caseNamed(log, "i1"))).containsExactly("place", "ship");
    }

    @Test
    void ocelIsFlattenedOnTheTypeAsked() {
        EventLog log = EventLogs.read(resource("small.jsonocel"), ReadOptions.defaults().withObjectType("Order"));

        assertThat(log.caseCount()).isEqualTo(2);
        int o1 = caseNamed(log, "o1");
        assertThat(activities(log, o1)).containsExactly("place", "pay");
        assertThat(log.eventAttribute(log.caseStart(o1), "clerk")).contains("ann");
    }

    @Test
    void anUnknownObjectTypeNamesTheKnownOnes() {
        assertThatThrownBy(() -> EventLogs.read(resource("small.jsonocel"), ReadOptions.defaults().withObjectType("Box")))
                .isInstanceOf(LogFormatException.class)
                .hasMessageContaining("expected an object type of the log (Order, Item), found 'Box'");
    }

    @Test
    void csvWithoutRequiredColumnsSaysWhichAreMissing() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "case,step,when\nc1,a,2024-01-01\n");

        assertThatThrownBy(() -> EventLogs.read(bad))
                .isInstanceOf(LogFormatException.class)
                .hasMessage(bad + ":1: error: expected the header to have the columns case, activity and timestamp, "
                        + "missing activity, timestamp (found case, step, when)");
    }

    @Test
    void csvWithABadTimestampSaysTheLineAndValue() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "case,activity,timestamp\nc1,a,2024-01-01\nc1,b,yesterday\n");

        assertThatThrownBy(() -> EventLogs.read(bad))
                .isInstanceOf(LogFormatException.class)
                .hasMessageStartingWith(bad + ":3: error: column timestamp: expected a timestamp")
                .hasMessageContaining("found 'yesterday'");
    }

    @Test
    void aMissingFileIsAFormatErrorNotAStackTrace() {
        assertThatThrownBy(() -> EventLogs.read(tmp.resolve("nope.xes")))
                .isInstanceOf(LogFormatException.class)
                .hasMessageEndingWith("nope.xes: error: no such file");
    }

    @Test
    void bpic2012HasThePublishedCasesEventsAndActivities() {
        EventLog log = EventLogs.read(SharedData.eventLog("bpic2012.xes.gz"));

        assertThat(log.caseCount()).isEqualTo(13_087);
        assertThat(log.eventCount()).isEqualTo(262_200);
        assertThat(log.activityCount()).isEqualTo(24);
    }

    @Test
    void sharedOcelExampleReadsWithItsOwnTypes() {
        EventLog log = EventLogs.read(SharedData.eventLog("ocel20_example.jsonocel"),
                ReadOptions.defaults().withObjectType("Purchase Order"));

        assertThat(log.caseCount()).isPositive();
        assertThat(log.activityNames()).contains("Create Purchase Order");
    }
}
