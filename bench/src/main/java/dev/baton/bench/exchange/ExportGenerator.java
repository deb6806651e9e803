package dev.baton.bench.exchange;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.jsonl.EventLogJsonl;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes generated exports of the streamed kinds, shaped like the real ones, with {@code items}
 * items of {@code steps} changes each, in the order each tool lists them: a CSV event table sorted
 * by time (cases interleaved), a Trello board with its actions newest first, GitLab label events
 * resource by resource, GitHub repository issue events newest first (each naming its issue), an
 * OCEL 2.0 log (objects first, as pm4py writes it) whose events each touch an order and a
 * customer; and a Baton JSONL log of interleaved items for the export. Seeded: every run reads the
 * same file.
 */
public final class ExportGenerator {

    static final String[] STAGES = {"Backlog", "Brief", "In Progress", "In Review", "Approved", "Done"};
    static final String[] PEOPLE = {"Maya Patel", "Sam Lee", "Alex Kim", "Jo Rivera", "Priya Shah", "Tom Berg"};
    static final long BASE = Instant.parse("2025-01-06T09:00:00Z").getEpochSecond();

    private ExportGenerator() {
    }

    /** The k-th change in time order: item k % items, its step k / items, a few minutes apart. */
    private static Instant at(long k, int items) {
        return Instant.ofEpochSecond(BASE + (k / items) * 7200 + (k % items) * 7200 / items);
    }

    /** A stage walk with some rework: the stage of an item at a step. */
    private static String stage(long item, long step) {
        long s = step % 7 == 5 ? Math.max(0, step % STAGES.length - 1) : step % STAGES.length;
        return STAGES[(int) ((s + item) % STAGES.length)];
    }

    public static void write(String kind, Path file, int items, int steps, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long total = (long) items * steps;
        if (kind.equals("jsonl")) {
            jsonl(file, items, steps);
            return;
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            switch (kind) {
                case "csv" -> {
                    w.write("case,activity,timestamp,resource,channel\n");
                    for (long k = 0; k < total; k++) {
                        long item = k % items;
                        w.write("C-" + item + "," + stage(item, k / items) + "," + at(k, items) + ","
                                + PEOPLE[random.nextInt(PEOPLE.length)] + "," + (random.nextInt(4) == 0 ? "email" : "web")
                                + "\n");
                    }
                }
                case "trello-json" -> {
                    w.write("{\"id\":\"5e0000000000000000000b01\",\"name\":\"Content board\",\"prefs\":{\"background\":"
                            + "\"blue\"},\"actions\":[");
                    for (long k = total - 1; k >= 0; k--) {
                        long item = k % items;
                        long step = k / items;
                        String card = "\"card\":{\"id\":\"" + cardId(item) + "\",\"name\":\"Card " + item
                                + "\",\"idShort\":" + item + ",\"shortLink\":\"x" + item + "\"}";
                        String member = PEOPLE[random.nextInt(PEOPLE.length)];
                        String creator = ",\"idMemberCreator\":\"m" + member.hashCode() + "\",\"memberCreator\":{\"id\":\"m"
                                + member.hashCode() + "\",\"fullName\":\"" + member + "\",\"username\":\"u"
                                + member.hashCode() + "\",\"avatarHash\":null}";
                        w.write(k == total - 1 ? "\n" : ",\n");
                        if (step == 0) {
                            w.write("{\"id\":\"a" + k + "\",\"type\":\"createCard\",\"date\":\"" + at(k, items) + "\""
                                    + creator + ",\"data\":{\"board\":{\"id\":\"b\",\"name\":\"Content board\"}," + card
                                    + ",\"list\":{\"id\":\"l0\",\"name\":\"" + stage(item, 0) + "\"}}}");
                        } else {
                            w.write("{\"id\":\"a" + k + "\",\"type\":\"updateCard\",\"date\":\"" + at(k, items) + "\""
                                    + creator + ",\"data\":{\"board\":{\"id\":\"b\",\"name\":\"Content board\"}," + card
                                    + ",\"old\":{\"idList\":\"l\"},\"listBefore\":{\"id\":\"l\",\"name\":\""
                                    + stage(item, step - 1) + "\"},\"listAfter\":{\"id\":\"l\",\"name\":\""
                                    + stage(item, step) + "\"}}}");
                        }
                    }
                    w.write("],\"cards\":[");
                    for (long item = 0; item < items; item++) {
                        w.write((item == 0 ? "\n" : ",\n") + "{\"id\":\"" + cardId(item) + "\",\"name\":\"Card " + item
                                + "\",\"idList\":\"l\",\"closed\":false,\"labels\":[],\"desc\":\"\"}");
                    }
                    w.write("],\"lists\":[");
                    for (int s = 0; s < STAGES.length; s++) {
                        w.write((s == 0 ? "" : ",") + "{\"id\":\"l" + s + "\",\"name\":\"" + STAGES[s] + "\"}");
                    }
                    w.write("],\"members\":[],\"labels\":[]}\n");
                }
                case "gitlab-events" -> {
                    w.write("[");
                    for (long item = 0; item < items; item++) {
                        for (long step = 0; step < steps; step++) {
                            long k = step * items + item;
                            String user = PEOPLE[random.nextInt(PEOPLE.length)];
                            boolean add = step % 2 == 0;
                            w.write(k == 0 ? "\n" : ",\n");
                            w.write("{\"id\":" + (1_000_000 + k) + ",\"user\":{\"id\":" + user.hashCode() + ",\"name\":\""
                                    + user + "\",\"username\":\"u" + user.hashCode() + "\",\"state\":\"active\","
                                    + "\"avatar_url\":\"https://gitlab.example/a.png\",\"web_url\":\"https://gitlab.example/u\"},"
                                    + "\"created_at\":\"" + at(k, items) + "\",\"resource_type\":\"Issue\",\"resource_id\":"
                                    + item + ",\"label\":{\"id\":" + (step % STAGES.length) + ",\"name\":\"workflow::"
                                    + stage(item, add ? step : step - 1) + "\",\"color\":\"#428BCA\",\"description\":null},"
                                    + "\"action\":\"" + (add ? "add" : "remove") + "\"}");
                        }
                    }
                    w.write("\n]\n");
                }
                case "github-events" -> {
                    w.write("[");
                    for (long k = total - 1; k >= 0; k--) {
                        long item = k % items;
                        long step = k / items;
                        String actor = PEOPLE[random.nextInt(PEOPLE.length)];
                        w.write(k == total - 1 ? "\n" : ",\n");
                        String event = step % 4 == 1 ? "\"event\":\"unlabeled\",\"label\":{\"name\":\"status: "
                                + stage(item, step - 1) + "\",\"color\":\"ededed\"}"
                                : step % 4 == 3 ? "\"event\":\"assigned\",\"assignee\":{\"login\":\"u" + actor.hashCode() + "\"}"
                                : "\"event\":\"labeled\",\"label\":{\"name\":\"status: " + stage(item, step)
                                + "\",\"color\":\"ededed\"}";
                        w.write("{\"id\":" + (5_000_000 + k) + ",\"node_id\":\"IE_" + k + "\",\"url\":\"https://api.github.com/"
                                + "repos/acme/site/issues/events/" + k + "\",\"actor\":{\"login\":\"u" + actor.hashCode()
                                + "\",\"id\":" + actor.hashCode() + ",\"type\":\"User\"}," + event + ",\"created_at\":\""
                                + at(k, items) + "\",\"issue\":{\"id\":" + (900_000 + item) + ",\"number\":" + item
                                + ",\"title\":\"Launch post " + item + "\",\"user\":{\"login\":\"maya\"},\"labels\":[],"
                                + "\"state\":\"open\",\"created_at\":\"" + Instant.ofEpochSecond(BASE - 86_400) + "\","
                                + "\"repository_url\":\"https://api.github.com/repos/acme/site\"}}");
                    }
                    w.write("\n]\n");
                }
                case "ocel" -> {
                    int customers = Math.max(1, items / 50);
                    w.write("{\"objectTypes\":[{\"name\":\"order\",\"attributes\":[]},{\"name\":\"customer\","
                            + "\"attributes\":[]}],\"eventTypes\":[],\"objects\":[");
                    for (long item = 0; item < items; item++) {
                        w.write((item == 0 ? "\n" : ",\n") + "{\"id\":\"o" + item + "\",\"type\":\"order\",\"attributes\":"
                                + "[{\"name\":\"amount\",\"time\":\"1970-01-01T00:00:00Z\",\"value\":" + item % 500
                                + "}],\"relationships\":[{\"objectId\":\"c" + item % customers + "\",\"qualifier\":\"of\"}]}");
                    }
                    for (long c = 0; c < customers; c++) {
                        w.write(",\n{\"id\":\"c" + c + "\",\"type\":\"customer\",\"attributes\":[],\"relationships\":[]}");
                    }
                    w.write("],\"events\":[");
                    for (long k = 0; k < total; k++) {
                        long item = k % items;
                        w.write((k == 0 ? "\n" : ",\n") + "{\"id\":\"e" + k + "\",\"type\":\"" + stage(item, k / items)
                                + "\",\"time\":\"" + at(k, items) + "\",\"attributes\":[{\"name\":\"org:resource\","
                                + "\"value\":\"" + PEOPLE[random.nextInt(PEOPLE.length)] + "\"}],\"relationships\":"
                                + "[{\"objectId\":\"o" + item + "\",\"qualifier\":\"order\"},{\"objectId\":\"c"
                                + item % customers + "\",\"qualifier\":\"customer\"}]}");
                    }
                    w.write("\n]}\n");
                }
                default -> throw new IllegalArgumentException("no generator for " + kind);
            }
        }
    }

    private static String cardId(long item) {
        // Trello ids start with their creation time in seconds, as hex.
        return String.format("%08x%016x", BASE, item);
    }

    /** A Baton log of interleaved items: creations, stage moves (some back) and owner changes. */
    private static void jsonl(Path file, int items, int steps) throws IOException {
        try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.create(file)) {
            long total = (long) items * steps;
            for (long k = 0; k < total; k++) {
                long item = k % items;
                long step = k / items;
                BatonEvent event = step == 0 ? new ItemCreated("Item " + item, stage(item, 0), Map.of(), null, null)
                        : step % 5 == 2 ? new OwnerAssigned(PEOPLE[(int) ((item + step) % PEOPLE.length)], null)
                        : new StageEntered(stage(item, step - 1), stage(item, step), step % 7 == 5);
                writer.write(new RecordedEvent(k + 1, "MKT-" + item, step + 1, at(k, items),
                        PEOPLE[(int) (k % PEOPLE.length)], "content", 1, null, event, "gen:" + k));
            }
        }
    }
}
