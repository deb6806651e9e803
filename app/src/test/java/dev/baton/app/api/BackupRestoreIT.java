package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.cli.Baton;
import dev.baton.app.store.EmbeddedDatabase;
import dev.baton.app.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code baton backup} of a demo database (a simulated quarter, then commands of this test) while
 * its server runs, and {@code baton restore} into a fresh data directory: the event log row for
 * row and every projection come back equal, the projections rebuilt from the events.
 */
@org.springframework.test.context.TestPropertySource(properties = "baton.demo.history=true")
class BackupRestoreIT extends DemoServer {

    @Value("${spring.datasource.url}")
    String url;

    record Run(int code, String out, String err) {
    }

    static Run baton(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Baton.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Every row of every table that a restore brings back, as JSON text, in a stable order. */
    static Map<String, List<String>> contents(JdbcTemplate jdbc) {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("events", "select (to_jsonb(t) - 'transaction_id')::text from events t order by position");
        tables.put("items", "select to_jsonb(t)::text from items t order by id");
        tables.put("pending_approvals", "select to_jsonb(t)::text from pending_approvals t order by item_id, stage, approver");
        tables.put("pending_handoffs", "select to_jsonb(t)::text from pending_handoffs t order by item_id");
        tables.put("intake_requests", "select to_jsonb(t)::text from intake_requests t order by id");
        tables.put("import_batches", "select to_jsonb(t)::text from import_batches t order by id");
        tables.put("users", "select to_jsonb(t)::text from users t order by username");
        tables.put("api_tokens", "select to_jsonb(t)::text from api_tokens t order by token_hash");
        tables.put("model_versions", "select to_jsonb(t)::text from model_versions t order by number");
        tables.put("commands", "select to_jsonb(t)::text from commands t order by command_id");
        tables.put("idempotency_fingerprints", "select to_jsonb(t)::text from idempotency_fingerprints t order by command_id");
        tables.put("post_mortems", "select to_jsonb(t)::text from post_mortems t order by item_id");
        tables.put("insights", "select to_jsonb(t)::text from insights t order by id");
        tables.put("insight_follow_ups", "select to_jsonb(t)::text from insight_follow_ups t order by item_id");
        tables.put("model_change_proposals", "select to_jsonb(t)::text from model_change_proposals t order by id");
        Map<String, List<String>> contents = new LinkedHashMap<>();
        tables.forEach((table, sql) -> contents.put(table, jdbc.queryForList(sql, String.class)));
        return contents;
    }

    @Test
    void aBackupRestoredIntoAFreshDataDirectoryHasTheSameLogAndProjections() throws Exception {
        // Some work of this test on top of the demo's quarter: a token, an item, a request, an approval asked for.
        assertThat(user("nora").post("/api/v1/tokens", "{\"name\": \"ci\"}").status()).isEqualTo(201);
        ApiClient.Response item = user("nora").post("/api/v1/items", "{\"id\": \"backed-up\", \"workType\": \"campaign\", "
                + "\"title\": \"Backed up\", \"fields\": {\"campaign-name\": \"Backed up\", "
                + "\"objective\": \"Pipeline\", \"segment\": \"SMB\", \"primary-metric\": \"pipeline\", "
                + "\"channel-mix\": [\"email\"], \"start-date\": \"2026-04-01\", \"reach\": 12000000.0, "
                + "\"impact\": 1, \"confidence\": 50, \"effort\": 1}}", "Idempotency-Key", "backup-it-1");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        ApiClient.Response insight = user("maya").post("/api/v1/insights", "{\"title\": \"Builds need a clock\", "
                + "\"tags\": [\"channels\"], \"change\": {\"kind\": \"add-sla\", \"workType\": \"campaign\", "
                + "\"stage\": \"build\", \"sla\": \"3d\"}}");
        assertThat(insight.status()).as(insight.body()).isEqualTo(201);
        JdbcTemplate source = new JdbcTemplate(TestDatabase.dataSource(url));
        Map<String, List<String>> before = contents(source);
        assertThat(before.get("events")).hasSizeGreaterThan(1000);
        assertThat(before.get("pending_approvals")).isNotEmpty();
        assertThat(before.get("intake_requests")).isNotEmpty();
        assertThat(before.get("api_tokens")).isNotEmpty();
        assertThat(before.get("insights")).isNotEmpty();
        assertThat(before.get("model_change_proposals")).isNotEmpty();

        Path work = dev.baton.app.TestFiles.temporaryFolder("baton-backup-it");
        Path file = work.resolve("baton.jsonl.gz");
        Run backup = baton("backup", "--db", url, "--out", file.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backed up").contains(before.get("events").size() + " events");
        String header;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(file))))) {
            header = in.readLine();
        }
        assertThat(header).startsWith("{\"format\":\"baton-backup\",\"version\":1,");
        assertThat(Files.readAllBytes(file)).hasSizeLessThan(10 << 20);

        Path restored = work.resolve("restored");
        Run restore = baton("restore", file.toString(), "--data", restored.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored").contains(before.get("events").size() + " events")
                .contains("Start it with: baton serve --data " + restored);

        try (EmbeddedDatabase copy = EmbeddedDatabase.start(restored.resolve("pg"))) {
            Map<String, List<String>> after = contents(new JdbcTemplate(copy.dataSource()));
            for (String table : before.keySet()) {
                assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
            }
            // The log goes on after the restored positions.
            Long next = new JdbcTemplate(copy.dataSource()).queryForObject("select nextval(pg_get_serial_sequence("
                    + "'events', 'position'))", Long.class);
            assertThat(next).isEqualTo(before.get("events").size() + 1L);
        }
    }

    @Test
    void aRestoreRefusesWhatIsNoCompleteBackupAndNeverOverwrites() throws Exception {
        Path work = dev.baton.app.TestFiles.temporaryFolder("baton-restore-refusals");
        Path file = work.resolve("baton.jsonl.gz");
        assertThat(baton("backup", "--db", url, "--out", file.toString()).code()).isZero();

        // Cut short: the last line (end) is missing.
        List<String> lines;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(file))))) {
            lines = in.lines().toList();
        }
        Path cut = work.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, lines.size() - 1));
        Run truncated = baton("restore", cut.toString(), "--data", work.resolve("a").toString());
        assertThat(truncated.code()).isEqualTo(1);
        assertThat(truncated.err()).contains(cut + ":" + (lines.size() - 1) + ": the backup is cut short")
                .contains("nothing was restored").doesNotContain("Exception");
        assertThat(work.resolve("a")).doesNotExist();

        Path other = work.resolve("other.jsonl");
        Files.writeString(other, "{\"format\":\"baton-backup\",\"version\":2}\n");
        Run newer = baton("restore", other.toString(), "--data", work.resolve("b").toString());
        assertThat(newer.err()).contains(other + ":1: expected backup format version 1, found 2");

        Path notEmpty = Files.createDirectories(work.resolve("in-use"));
        Files.writeString(notEmpty.resolve("keep.txt"), "mine");
        Run refused = baton("restore", file.toString(), "--data", notEmpty.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("expected a new or empty directory").contains("never overwrites");
        assertThat(notEmpty.resolve("keep.txt")).hasContent("mine");

        // Nor into a database that has data: the demo's own.
        Run full = baton("restore", file.toString(), "--db", url);
        assertThat(full.err()).contains("the database is not empty").doesNotContain("Exception");
    }
}
