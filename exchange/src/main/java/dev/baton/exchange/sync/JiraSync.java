package dev.baton.exchange.sync;

import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.jira.JiraJsonReader;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.source.JsonSource;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.Times;
import dev.baton.model.OperatingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JsonToken;

/**
 * {@code baton sync jira}: pulls what changed in Jira since the last run into the event log.
 *
 * <p>A run asks for the issues of the query updated since the cursor, oldest update first, page by
 * page, and spools each page to disk next to the state file, recording after each page how far it
 * got. Only when every page is in does it import the spool into the log (all or nothing, with the
 * import's duplicate check) and move the cursor to the latest update seen. An interrupted run (a
 * crash, or retries exhausted) resumes at the page where it stopped.
 *
 * <p>JQL compares {@code updated} in the Jira user's time zone and to the minute, so each window
 * starts a day before the cursor: the overlap is re-read and dropped as duplicates by event id.
 */
public final class JiraSync {

    static final int PAGE_SIZE = 50;
    static final Duration OVERLAP = Duration.ofDays(1);
    private static final DateTimeFormatter JQL_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(ZoneOffset.UTC);
    private static final Pattern ORDER_BY = Pattern.compile("(?is)\\s+order\\s+by\\s+.*$");

    /** What a run did. */
    public record Result(int pages, int issues, boolean resumed, ImportReport report, Instant cursor, int retries) {
    }

    private JiraSync() {
    }

    public static Result run(JiraClient client, String jql, Path stateFile, Path log, ImportMapping mapping,
                             OperatingModel model, Progress progress) throws IOException {
        SyncState state = SyncState.read(stateFile);
        Path spool = stateFile.resolveSibling(stateFile.getFileName() + ".pages");
        boolean resumed = state.inProgress();
        if (!resumed) {
            Files.deleteIfExists(spool);
            state = new SyncState(state.cursor(), state.cursor() == null ? Instant.EPOCH : state.cursor(), 0, null);
            state.write(stateFile);
        }
        String query = window(jql, state.windowStart());
        int pages = 0;
        while (true) {
            byte[] body = client.search(query, state.fetched(), PAGE_SIZE, JiraSync::isCompletePage);
            Page page = Page.of(body);
            if (page.issues() > 0) {
                append(spool, body);
            }
            pages++;
            Instant end = state.windowEnd() == null ? page.lastUpdated()
                    : page.lastUpdated() == null || page.lastUpdated().isBefore(state.windowEnd()) ? state.windowEnd() : page.lastUpdated();
            state = new SyncState(state.cursor(), state.windowStart(), state.fetched() + page.issues(), end);
            state.write(stateFile);
            if (page.issues() == 0 || page.last() || state.fetched() >= page.total()) {
                break;
            }
        }
        ImportReport report = Files.exists(spool)
                ? LogImport.run(new JiraJsonReader(), spool, mapping, model, log, false, progress)
                : null;
        Instant cursor = state.windowEnd() == null ? state.cursor() : state.windowEnd();
        new SyncState(cursor, null, 0, null).write(stateFile);
        Files.deleteIfExists(spool);
        return new Result(pages, state.fetched(), resumed, report, cursor, client.retries());
    }

    /** The user's query restricted to the window, oldest update first (their own ORDER BY dropped). */
    static String window(String jql, Instant since) {
        String base = ORDER_BY.matcher(jql.strip()).replaceFirst("");
        String restricted = base.isEmpty() ? "" : "(" + base + ")";
        if (since != null && !since.equals(Instant.EPOCH)) {
            restricted += (restricted.isEmpty() ? "" : " AND ") + "updated >= \"" + JQL_TIME.format(since.minus(OVERLAP)) + "\"";
        }
        return restricted + " ORDER BY updated ASC, key ASC";
    }

    private static boolean isCompletePage(byte[] body) {
        try {
            Page.of(body);
            return true;
        } catch (SourceFormatException e) {
            return false;
        }
    }

    private static void append(Path spool, byte[] body) throws IOException {
        try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.allocate(body.length + 1);
            buffer.put(body).put((byte) '\n').flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // The state says this page is in: it must be on disk before the state is.
            channel.force(true);
        }
    }

    /** What the sync needs from one page: how many issues, of how many, and the latest update. */
    record Page(int issues, int total, boolean last, Instant lastUpdated) {

        static Page of(byte[] body) {
            try (JsonSource json = new JsonSource(new ByteArrayInputStream(body), "Jira search results")) {
                if (json.next() != JsonToken.START_OBJECT) {
                    throw json.wrongShape("something other than a JSON object");
                }
                Object tree = json.tree(Set.of("changelog", "renderedFields", "names", "schema"));
                if (json.next() != null) {
                    throw json.wrongShape("more JSON after the page");
                }
                int issues = 0;
                Instant last = null;
                for (Object issue : JsonSource.list(tree, "issues")) {
                    issues++;
                    Instant updated = Times.parse(JsonSource.text(issue, "fields", "updated")).orElse(null);
                    if (updated != null && (last == null || updated.isAfter(last))) {
                        last = updated;
                    }
                }
                String total = JsonSource.text(tree, "total");
                if (!(tree instanceof java.util.Map<?, ?> m) || !m.containsKey("issues")) {
                    throw new SourceFormatException("", "expected Jira search results with \"issues\"");
                }
                // Newer endpoints leave out total and say isLast instead.
                boolean isLast = "true".equals(JsonSource.text(tree, "isLast"));
                return new Page(issues, total == null ? Integer.MAX_VALUE : Integer.parseInt(total), isLast, last);
            }
        }
    }
}
