package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton report weekly}: the hand-written two-week history of the insight tests
 * ({@code WeeklyReportTest} checks every line) through the command line, its options and its
 * errors; and a simulated quarter, whose debt figure is the one {@code baton analyze --to} gives.
 */
class WeeklyReportCommandTest {

    static final String LOG = CliRun.ROOT.resolve("insight/src/test/resources/weekly/two-weeks.jsonl").toString();
    static final String MODEL = CliRun.example("content-team.yaml");

    @TempDir
    Path tmp;

    static CliRun weekly(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("report", "weekly", "--model", MODEL, "--log", LOG));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aTeamsWeekAsMarkdownOnStandardOutput() {
        CliRun run = weekly("--team", "writers", "--week", "2026-W02");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines().limit(5)).containsExactly(
                "# Weekly status: Writers (team), 2026-W02",
                "Lumen Labs content team · Mon 5 Jan to Sun 11 Jan 2026 (UTC) · 4 items · two-weeks.jsonl",
                "",
                "**Completed (2)**",
                "- `post-4` Year in review: completed in Publish by Ben Kowalski · Mon 5 Jan 00:00");
        assertThat(run.out()).contains("- `post-3` SEO checklist for launches: handoff from Edit to Illustrate (Content → "
                + "Design) rejected by Ivy Mendes · Tue 6 Jan 10:00 — \"No draft link, so I can't brief the illustration\"\n");
    }

    @Test
    void withoutAWeekItIsTheLastCompleteWeekOfTheLog() {
        CliRun run = weekly("--format", "json", "--person", "zoe.park");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json.get("week")).isEqualTo(Map.of("week", "2026-W02", "zone", "UTC", "start", "2026-01-05T00:00:00Z",
                "end", "2026-01-12T00:00:00Z"));
        assertThat(json.get("audience")).isEqualTo(Map.of("kind", "person", "id", "zoe.park", "name", "Zoe Park"));
        assertThat(CliRun.objects(json, "decisionsWaiting")).singleElement()
                .satisfies(l -> assertThat(l.get("text")).isEqualTo("Dry run waits on approval from Zoe Park"));
    }

    @Test
    void theZoneMovesTheWeeksBoundaries() {
        CliRun run = weekly("--week", "2026-W02", "--zone", "America/New_York");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("- `post-5` Launch teaser: moved from Pitch to Draft by Ana Silva · Sun 11 Jan 19:00\n")
                .doesNotContain("`post-4`");
    }

    @Test
    void htmlToAFileWithLinksToTheItemPages() throws Exception {
        Path html = tmp.resolve("week.html");
        CliRun run = weekly("--initiative", "webinar-1", "--week", "2026-W02", "--format", "html", "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("baton report weekly: wrote the html report to " + html + "\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<a href=\"/items/webinar-1\">webinar-1</a>")
                .doesNotContain("post-1");
    }

    @Test
    void mistakesGetOneLineSayingWhatWasExpected() {
        assertUsage(weekly("--week", "2026-49"), "baton: expected --week like 2026-W49, found '2026-49'");
        assertUsage(weekly("--week", "2027-W53"),
                "baton: expected --week like 2026-W49 with a week from 01 to 52 of 2027, found '2027-W53'");
        assertUsage(weekly("--team", "writer"), "baton: expected --team to be a team of the model (writers), found 'writer'");
        assertUsage(weekly("--person", "zoe"), "baton: expected --person to be a person of the model (zoe.park, ana.silva, "
                + "ben.kowalski, ivy.mendes, omar.farah), found 'zoe'");
        assertUsage(weekly("--zone", "Mars/Olympus"),
                "baton: expected --zone to be a time zone like UTC or Europe/Berlin, found 'Mars/Olympus'");
        assertUsage(weekly("--team", "writers", "--person", "zoe.park"),
                "baton: Error: --team=TEAM, --person=PERSON are mutually exclusive (specify only one)");

        CliRun unknown = weekly("--initiative", "post-9", "--week", "2026-W02");
        assertThat(unknown.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(unknown.err()).isEqualTo(LOG + ": error: expected --initiative to name an item of the log created by "
                + "the end of 2026-W02, found 'post-9'\n");
        CliRun missing = CliRun.of("report", "weekly", "--model", MODEL, "--log", tmp.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(missing.err()).isEqualTo(tmp.resolve("nope.jsonl") + ": error: no such file\n");
    }

    static void assertUsage(CliRun run, String firstLine) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Baton.USAGE);
        assertThat(run.err().lines().findFirst()).contains(firstLine);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aSimulatedQuarterReadsAndItsDebtIsTheDebtReportCutAtTheWeeksEnd() {
        Path log = tmp.resolve("quarter.jsonl");
        CliRun simulated = CliRun.of("simulate", "--model", MODEL, "--items", "120", "--seed", "5", "--out", log.toString());
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();

        CliRun run = CliRun.of("report", "weekly", "--model", MODEL, "--log", log.toString(), "--week", "2026-W06",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat((Integer) json.get("items")).isPositive();
        assertThat(CliRun.objects(json, "moved")).isNotEmpty().allSatisfy(l -> {
            Instant at = Instant.parse((String) l.get("at"));
            assertThat(at).isBetween(Instant.parse("2026-02-02T00:00:00Z"), Instant.parse("2026-02-08T23:59:59Z"));
            assertThat((String) l.get("text")).matches("(moved|sent back) from .+ to .+ by .+");
        });

        CliRun analyze = CliRun.of("analyze", "--model", MODEL, "--log", log.toString(), "--to", "2026-02-08",
                "--format", "json");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(((Map<?, ?>) json.get("debt")).get("score")).isEqualTo(analyze.jsonObject().get("score"));
        assertThat(Instant.parse("2026-02-09T00:00:00Z").atZone(ZoneOffset.UTC).getDayOfWeek()).hasToString("MONDAY");
    }
}
