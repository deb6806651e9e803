package dev.baton.bench.jira;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a Jira Cloud search result with {@code expand=changelog} shaped like the real ones
 * (author objects with account ids, {@code fieldId}s, {@code +0000} offsets), with a given number
 * of changelog entries: status moves through a marketing workflow (with some rework), assignee
 * changes, custom-field edits and priority changes. Seeded, so every run reads the same file.
 */
public final class JiraExportGenerator {

    private static final String[] STATUSES = {"Backlog", "Brief", "In Progress", "In Review", "Approved", "Done"};
    private static final String[] PEOPLE = {"Maya Patel", "Sam Lee", "Alex Kim", "Jo Rivera", "Priya Shah",
            "Tom Berg", "Lena Vogel", "Omar Haddad"};
    private static final String[] TYPES = {"Campaign", "Content", "Launch", "Task"};
    private static final String[] PRIORITIES = {"Low", "Medium", "High", "Highest"};
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private JiraExportGenerator() {
    }

    /** Writes {@code issues} issues with {@code entriesPerIssue} changelog entries each (one item per entry). */
    public static void write(Path file, int issues, int entriesPerIssue, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = Instant.parse("2025-01-06T09:00:00Z");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("{\"expand\":\"schema,names\",\"startAt\":0,\"maxResults\":" + issues + ",\"total\":" + issues
                    + ",\"issues\":[");
            long historyId = 100_000;
            for (int i = 0; i < issues; i++) {
                Instant created = start.plusSeconds(i * 600L);
                String creator = PEOPLE[random.nextInt(PEOPLE.length)];
                w.write(i == 0 ? "\n" : ",\n");
                w.write("{\"expand\":\"operations,versionedRepresentations,editmeta,changelog,renderedFields\",\"id\":\""
                        + (10_000 + i) + "\",\"self\":\"https://example.atlassian.net/rest/api/2/issue/" + (10_000 + i)
                        + "\",\"key\":\"MKT-" + (i + 1) + "\",\"fields\":{\"summary\":\"Marketing item " + (i + 1)
                        + "\",\"issuetype\":{\"id\":\"1000" + (i % TYPES.length) + "\",\"name\":\"" + TYPES[i % TYPES.length]
                        + "\",\"subtask\":false},\"project\":{\"id\":\"10000\",\"key\":\"MKT\",\"name\":\"Marketing\"},"
                        + "\"created\":\"" + JIRA_TIME.format(created) + "\",\"labels\":[\"q" + (1 + i % 4) + "\"],"
                        + "\"status\":{\"name\":\"Done\",\"id\":\"10005\"},\"priority\":{\"name\":\"Medium\",\"id\":\"3\"},"
                        + "\"assignee\":" + user(creator) + ",\"creator\":" + user(creator) + ",\"reporter\":" + user(creator)
                        + ",\"customfield_10050\":null},\"changelog\":{\"startAt\":0,\"maxResults\":" + entriesPerIssue
                        + ",\"total\":" + entriesPerIssue + ",\"histories\":[");
                int status = 0;
                String assignee = creator;
                String priority = "Medium";
                Instant at = created;
                for (int h = 0; h < entriesPerIssue; h++) {
                    at = at.plusSeconds(600 + random.nextInt(86_400));
                    String author = PEOPLE[random.nextInt(PEOPLE.length)];
                    String item;
                    int kind = random.nextInt(100);
                    if (kind < 60) {
                        int next = random.nextInt(10) < 2 && status > 1 ? status - 1 : Math.min(status + 1, STATUSES.length - 1);
                        if (next == status) {
                            next = 1;
                        }
                        item = "{\"field\":\"status\",\"fieldtype\":\"jira\",\"fieldId\":\"status\",\"from\":\"1000" + status
                                + "\",\"fromString\":\"" + STATUSES[status] + "\",\"to\":\"1000" + next + "\",\"toString\":\""
                                + STATUSES[next] + "\"}";
                        status = next;
                    } else if (kind < 75) {
                        String next = PEOPLE[random.nextInt(PEOPLE.length)];
                        item = "{\"field\":\"assignee\",\"fieldtype\":\"jira\",\"fieldId\":\"assignee\",\"from\":\"acc-"
                                + assignee.hashCode() + "\",\"fromString\":\"" + assignee + "\",\"to\":\"acc-" + next.hashCode()
                                + "\",\"toString\":\"" + next + "\"}";
                        assignee = next;
                    } else if (kind < 95) {
                        item = "{\"field\":\"Launch date\",\"fieldtype\":\"custom\",\"fieldId\":\"customfield_10050\","
                                + "\"from\":null,\"fromString\":null,\"to\":\"2025-0" + (1 + random.nextInt(9)) + "-1"
                                + random.nextInt(10) + "\",\"toString\":\"1" + random.nextInt(10) + "/Mar/25\"}";
                    } else {
                        String next = PRIORITIES[random.nextInt(PRIORITIES.length)];
                        item = "{\"field\":\"priority\",\"fieldtype\":\"jira\",\"fieldId\":\"priority\",\"from\":\"3\","
                                + "\"fromString\":\"" + priority + "\",\"to\":\"2\",\"toString\":\"" + next + "\"}";
                        priority = next;
                    }
                    w.write(h == 0 ? "" : ",");
                    w.write("{\"id\":\"" + historyId++ + "\",\"author\":" + user(author) + ",\"created\":\""
                            + JIRA_TIME.format(at) + "\",\"items\":[" + item + "]}");
                }
                w.write("]}}");
            }
            w.write("\n]}\n");
        }
    }

    private static String user(String name) {
        return "{\"self\":\"https://example.atlassian.net/rest/api/2/user?accountId=acc-" + name.hashCode()
                + "\",\"accountId\":\"acc-" + name.hashCode() + "\",\"displayName\":\"" + name
                + "\",\"active\":true,\"timeZone\":\"Europe/London\",\"accountType\":\"atlassian\"}";
    }
}
