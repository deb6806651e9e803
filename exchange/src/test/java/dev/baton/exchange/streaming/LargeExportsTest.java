package dev.baton.exchange.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.exchange.asana.AsanaJsonReader;
import dev.baton.exchange.export.LogExport;
import dev.baton.exchange.github.GitHubEventsReader;
import dev.baton.exchange.gitlab.GitLabEventsReader;
import dev.baton.exchange.jira.JiraCsvReader;
import dev.baton.exchange.jira.JiraJsonReader;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.ocel.OcelReader;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.table.CsvEventReader;
import dev.baton.exchange.trello.TrelloJsonReader;
import dev.baton.exchange.xes.XesReader;
import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader and exporter gets through an export made up as it is read, many times larger than
 * the memory it is given to put changes in order: so none of them holds the export whole. The
 * exports list changes newest first and interleave items, the hardest order for a replay, and
 * each test checks the exact number of changes and that each item's come oldest first.
 */
class LargeExportsTest {

    /** The sort budget of these tests: the exports below are 5 to 60 times larger. */
    static final long BUDGET = 128 * 1024;
    static final int ITEMS = 100;
    static final int STEPS = 300;
    static final long EVENTS = (long) ITEMS * STEPS;
    static final long BASE = Instant.parse("2026-01-05T09:00:00Z").getEpochSecond();

    @TempDir
    Path dir;

    /** The k-th change, counted oldest first: item k % ITEMS, its step k / ITEMS. */
    static String at(long k) {
        return Instant.ofEpochSecond(BASE + (k / ITEMS) * 3600 + k % ITEMS).toString();
    }

    /** Elements are generated newest first: element i is change EVENTS-1-i. */
    static long newestFirst(long i) {
        return EVENTS - 1 - i;
    }

    private static void assertStreamedPastTheBudget(GeneratedInput in, CheckingSink sink) {
        assertThat(in.bytes()).isGreaterThan(5 * BUDGET);
        assertThat(sink.notes).contains("sorted-on-disk");
    }

    static GeneratedInput csvExport() {
        return new GeneratedInput("case,activity,timestamp,resource\n", EVENTS, i -> {
            long k = newestFirst(i);
            return "C" + k % ITEMS + ",step " + (k / ITEMS) % 5 + "," + at(k) + ",sam";
        }, "\n", "\n");
    }

    @Test
    void csv() {
        GeneratedInput in = csvExport();
        CheckingSink sink = new CheckingSink();
        new CsvEventReader(null).read(in, sink, BUDGET);

        assertThat(sink.changes).isEqualTo(EVENTS);
        assertThat(sink.of(ChangeKind.CREATED)).isEqualTo(ITEMS);
        assertThat(sink.items()).isEqualTo(ITEMS);
        assertStreamedPastTheBudget(in, sink);
    }

    static GeneratedInput trelloExport() {
        String tail = "],\"cards\":[" + LongStream.range(0, ITEMS).mapToObj(c -> "{\"id\":\"card" + c
                + "\",\"name\":\"Card " + c + "\",\"idList\":\"l1\",\"labels\":[]}").collect(Collectors.joining(","))
                + "],\"lists\":[{\"id\":\"l0\",\"name\":\"List 0\"},{\"id\":\"l1\",\"name\":\"List 1\"}],"
                + "\"members\":[{\"id\":\"m1\",\"fullName\":\"Sam Lee\"}],\"labels\":[]}";
        return new GeneratedInput("{\"id\":\"b1\",\"name\":\"Board\",\"actions\":[", EVENTS, i -> {
            long k = newestFirst(i);
            long step = k / ITEMS;
            String card = "\"card\":{\"id\":\"card" + k % ITEMS + "\",\"name\":\"Card\"}";
            if (step == 0) {
                return "{\"id\":\"a" + k + "\",\"type\":\"createCard\",\"date\":\"" + at(k) + "\",\"idMemberCreator\":\"m1\","
                        + "\"data\":{" + card + ",\"list\":{\"id\":\"l0\",\"name\":\"List 0\"}}}";
            }
            return "{\"id\":\"a" + k + "\",\"type\":\"updateCard\",\"date\":\"" + at(k) + "\",\"idMemberCreator\":\"m1\","
                    + "\"data\":{" + card + ",\"listBefore\":{\"id\":\"l\",\"name\":\"List " + (step - 1) % 2
                    + "\"},\"listAfter\":{\"id\":\"l\",\"name\":\"List " + step % 2 + "\"},\"old\":{\"idList\":\"l\"}}}";
        }, ",", tail);
    }

    @Test
    void trelloBoard() {
        GeneratedInput in = trelloExport();
        CheckingSink sink = new CheckingSink();
        new TrelloJsonReader().read(in, sink, BUDGET);

        assertThat(sink.changes).isEqualTo(EVENTS);
        assertThat(sink.of(ChangeKind.CREATED)).isEqualTo(ITEMS);
        assertThat(sink.of(ChangeKind.STATUS)).isEqualTo(EVENTS - ITEMS);
        assertStreamedPastTheBudget(in, sink);
    }

    static GeneratedInput gitlabExport() {
        return new GeneratedInput("[", EVENTS, i -> {
            long k = newestFirst(i);
            return "{\"id\":" + k + ",\"user\":{\"name\":\"Sam Lee\"},\"created_at\":\"" + at(k) + "\",\"resource_type\":"
                    + "\"Issue\",\"resource_id\":" + k % ITEMS + ",\"label\":{\"id\":1,\"name\":\"workflow::s"
                    + (k / ITEMS) % 5 + "\"},\"action\":\"add\"}";
        }, ",\n", "]");
    }

    @Test
    void gitlabEvents() {
        GeneratedInput in = gitlabExport();
        CheckingSink sink = new CheckingSink();
        new GitLabEventsReader().read(in, sink, BUDGET);

        assertThat(sink.changes).isEqualTo(EVENTS);
        assertThat(sink.of(ChangeKind.LABEL)).isEqualTo(EVENTS);
        assertThat(sink.items()).isEqualTo(ITEMS);
        assertStreamedPastTheBudget(in, sink);
    }

    static GeneratedInput githubExport() {
        return new GeneratedInput("[", EVENTS, i -> {
            long k = newestFirst(i);
            return "{\"id\":" + k + ",\"event\":\"labeled\",\"actor\":{\"login\":\"sam\"},\"created_at\":\"" + at(k)
                    + "\",\"label\":{\"name\":\"status: s" + (k / ITEMS) % 5 + "\"},\"issue\":{\"number\":" + k % ITEMS
                    + ",\"title\":\"Issue\",\"created_at\":\"2026-01-01T00:00:00Z\",\"user\":{\"login\":\"maya\"},"
                    + "\"repository_url\":\"https://api.github.com/repos/acme/site\",\"labels\":[]}}";
        }, ",\n", "]");
    }

    @Test
    void githubRepositoryEvents() {
        GeneratedInput in = githubExport();
        CheckingSink sink = new CheckingSink();
        new GitHubEventsReader().read(in, sink, BUDGET);

        assertThat(sink.of(ChangeKind.CREATED)).isEqualTo(ITEMS);
        assertThat(sink.of(ChangeKind.LABEL)).isEqualTo(EVENTS);
        assertThat(sink.changes).isEqualTo(EVENTS + ITEMS);
        assertStreamedPastTheBudget(in, sink);
    }

    static GeneratedInput ocelExport() {
        String tail = "],\"objects\":[" + LongStream.range(0, ITEMS).mapToObj(c -> "{\"id\":\"o" + c
                + "\",\"type\":\"order\"}").collect(Collectors.joining(",")) + ","
                + LongStream.range(0, 10).mapToObj(c -> "{\"id\":\"cust" + c + "\",\"type\":\"customer\"}")
                .collect(Collectors.joining(",")) + "]}";
        return new GeneratedInput("{\"objectTypes\":[{\"name\":\"order\",\"attributes\":[]},{\"name\":"
                + "\"customer\",\"attributes\":[]}],\"eventTypes\":[],\"events\":[", EVENTS, i -> {
            long k = newestFirst(i);
            return "{\"id\":\"e" + k + "\",\"type\":\"step " + (k / ITEMS) % 5 + "\",\"time\":\"" + at(k)
                    + "\",\"attributes\":[],\"relationships\":[{\"objectId\":\"o" + k % ITEMS + "\",\"qualifier\":\"order\"}"
                    + (k % 2 == 0 ? ",{\"objectId\":\"cust" + k % 10 + "\",\"qualifier\":\"customer\"}" : "") + "]}";
        }, ",\n", tail);
    }

    @Test
    void ocelWithEventsBeforeObjects() {
        GeneratedInput in = ocelExport();
        CheckingSink sink = new CheckingSink();
        new OcelReader(null).read(in, sink, BUDGET);

        assertThat(sink.changes).isEqualTo(EVENTS);
        assertThat(sink.of(ChangeKind.CREATED)).isEqualTo(ITEMS);
        assertThat(sink.notes).contains("ocel-flattened");
        assertStreamedPastTheBudget(in, sink);
    }

    // ---- readers that need no sort: the export streams straight through ----

    @Test
    void xesTraceByTrace() {
        GeneratedInput in = new GeneratedInput("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">",
                ITEMS, t -> "<trace><string key=\"concept:name\" value=\"T" + t + "\"/>" + LongStream.range(0, STEPS)
                .mapToObj(j -> "<event><string key=\"concept:name\" value=\"A" + j % 5 + "\"/><date key=\"time:timestamp\" "
                        + "value=\"" + at(j * ITEMS + t) + "\"/><string key=\"org:resource\" value=\"sam\"/></event>")
                .collect(Collectors.joining()) + "</trace>", "\n", "</log>");
        CheckingSink sink = new CheckingSink();
        new XesReader().read(in, sink);

        assertThat(sink.changes).isEqualTo(EVENTS);
        assertThat(sink.of(ChangeKind.CREATED)).isEqualTo(ITEMS);
        assertThat(in.bytes()).isGreaterThan(5 * BUDGET);
    }

    @Test
    void asanaTaskByTask() {
        GeneratedInput in = new GeneratedInput("{\"data\":[", ITEMS, t -> "{\"gid\":\"t" + t + "\",\"name\":\"Task\","
                + "\"created_at\":\"" + at(t) + "\",\"memberships\":[{\"project\":{\"name\":\"P\"},\"section\":{\"name\":"
                + "\"S0\"}}],\"stories\":[" + LongStream.range(1, STEPS).mapToObj(j -> "{\"gid\":\"s" + t + "-" + j
                + "\",\"created_at\":\"" + at(j * ITEMS + t) + "\",\"resource_subtype\":\"section_changed\",\"created_by\":"
                + "{\"name\":\"Sam\"},\"old_section\":{\"name\":\"S" + (j - 1) % 3 + "\"},\"new_section\":{\"name\":\"S"
                + j % 3 + "\"}}").collect(Collectors.joining(",")) + "]}", ",", "]}");
        CheckingSink sink = new CheckingSink();
        new AsanaJsonReader().read(in, sink);

        assertThat(sink.changes).isEqualTo(EVENTS);
        assertThat(sink.of(ChangeKind.STATUS)).isEqualTo(EVENTS - ITEMS);
        assertThat(in.bytes()).isGreaterThan(5 * BUDGET);
    }

    @Test
    void jiraSearchResultsIssueByIssue() {
        GeneratedInput in = new GeneratedInput("{\"startAt\":0,\"total\":" + ITEMS + ",\"issues\":[", ITEMS,
                t -> "{\"id\":\"" + (10_000 + t) + "\",\"key\":\"MKT-" + t + "\",\"fields\":{\"summary\":\"Item\","
                        + "\"issuetype\":{\"name\":\"Task\"},\"created\":\"" + at(t) + "\",\"status\":{\"name\":\"S"
                        + (STEPS - 1) % 3 + "\"}},\"changelog\":{\"startAt\":0,\"maxResults\":" + (STEPS - 1) + ",\"total\":"
                        + (STEPS - 1) + ",\"histories\":[" + LongStream.range(1, STEPS).mapToObj(j -> "{\"id\":\"" + t + "-" + j
                        + "\",\"author\":{\"displayName\":\"Sam Lee\"},\"created\":\"" + at(j * ITEMS + t) + "\",\"items\":"
                        + "[{\"field\":\"status\",\"fromString\":\"S" + (j - 1) % 3 + "\",\"toString\":\"S" + j % 3 + "\"}]}")
                        .collect(Collectors.joining(",")) + "]}}", ",\n", "]}");
        CheckingSink sink = new CheckingSink();
        new JiraJsonReader().read(in, sink);

        assertThat(sink.changes).isEqualTo(EVENTS);
        assertThat(sink.of(ChangeKind.CREATED)).isEqualTo(ITEMS);
        assertThat(sink.of(ChangeKind.STATUS)).isEqualTo(EVENTS - ITEMS);
        assertThat(in.bytes()).isGreaterThan(5 * BUDGET);
    }

    @Test
    void jiraCsvRowByRow() {
        GeneratedInput in = new GeneratedInput("Issue key,Issue id,Summary,Status,Created,Assignee\n", EVENTS,
                i -> "MKT-" + i + "," + (10_000 + i) + ",\"Item, number " + i + "\",In Progress," + at(i) + ",Sam Lee",
                "\n", "\n");
        CheckingSink sink = new CheckingSink();
        new JiraCsvReader().read(in, sink);

        assertThat(sink.of(ChangeKind.CREATED)).isEqualTo(EVENTS);
        assertThat(sink.of(ChangeKind.ASSIGNEE)).isEqualTo(EVENTS);
        assertThat(in.bytes()).isGreaterThan(5 * BUDGET);
    }

    // ---- exporters ----

    /** A log whose items' events interleave, as the log of a team working on many items at once. */
    private Path interleavedLog() throws Exception {
        Path log = dir.resolve("log.jsonl");
        try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.create(log)) {
            for (long k = 0; k < EVENTS; k++) {
                long step = k / ITEMS;
                String item = "ITEM-" + k % ITEMS;
                var event = step == 0 ? new ItemCreated("Item " + k % ITEMS, "s0", Map.of(), null, null)
                        : step % 7 == 3 ? new OwnerAssigned("sam", null)
                        : new StageEntered("s" + (step - 1) % 5, "s" + step % 5, false);
                writer.write(new RecordedEvent(k + 1, item, step + 1, Instant.parse(at(k)), "maya", "content", 1, null,
                        event, "gen:" + k));
            }
        }
        return log;
    }

    @Test
    void xesExportGroupsTracesThroughTheDisk() throws Exception {
        Path log = interleavedLog();
        assertThat(Files.size(log)).isGreaterThan(5 * BUDGET);
        Path xes = dir.resolve("log.xes");
        long[] progress = {0, 0};
        LogExport.Result result = LogExport.run(log, LogExport.Format.XES, xes, false, null,
                (done, total) -> { progress[0] = done; progress[1] = total; }, BUDGET);

        assertThat(result.events()).isEqualTo(EVENTS);
        assertThat(result.items()).isEqualTo(ITEMS);
        assertThat(progress[0]).isEqualTo(Files.size(log)).isEqualTo(progress[1]);
        // One trace per item: every item's events together, in version order.
        try (BufferedReader lines = Files.newBufferedReader(xes, StandardCharsets.UTF_8)) {
            assertThat(lines.lines().filter(l -> l.contains("<trace>")).count()).isEqualTo(ITEMS);
        }
        CheckingSink back = new CheckingSink();
        try (InputStream in = Files.newInputStream(xes)) {
            new XesReader().read(in, back);
        }
        assertThat(back.changes).isEqualTo(EVENTS);
        assertThat(back.items()).isEqualTo(ITEMS);
    }

    @Test
    void ocelAndCsvExportsStreamEventByEvent() throws Exception {
        Path log = interleavedLog();
        for (LogExport.Format format : new LogExport.Format[] {LogExport.Format.OCEL, LogExport.Format.CSV}) {
            Path out = dir.resolve("log." + format.id());
            LogExport.Result result = LogExport.run(log, format, out, true, null);
            long stageEvents = EVENTS - LongStream.range(0, STEPS).filter(s -> s > 0 && s % 7 == 3).count() * ITEMS;
            assertThat(result.events()).as(format.id()).isEqualTo(stageEvents);

            CheckingSink back = new CheckingSink();
            try (InputStream in = Files.newInputStream(out)) {
                if (format == LogExport.Format.OCEL) {
                    new OcelReader(null).read(in, back, BUDGET);
                } else {
                    new CsvEventReader(ImportMapping.NONE.columns()).read(in, back, BUDGET);
                }
            }
            assertThat(back.changes).as(format.id()).isEqualTo(stageEvents);
            assertThat(back.notes).as(format.id()).contains("sorted-on-disk");
        }
    }
}
