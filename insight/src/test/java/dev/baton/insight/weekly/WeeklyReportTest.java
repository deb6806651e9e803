package dev.baton.insight.weekly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.Scope;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The weekly report of a history written by hand ({@code weekly/two-weeks.jsonl}, the content
 * team's model), checked line by line. Week 2026-W02 (Mon 5 to Sun 11 January 2026) holds:
 * post-1 sent back at Edit after a denial, approved and completed; post-2 past its Pitch SLA of a
 * week and blocked; post-3's handoff to Design rejected, sent again and accepted three days later
 * (SLA 1d), now in Illustrate with ten hours of its SLA left; webinar-1 in Dry run past its SLA of
 * a day, approved by Omar Farah and waiting on Zoe Park (an "all" gate); post-4 completed exactly
 * at Monday 00:00 (so in W02, not W01); post-5 created on Friday and moved exactly at the next
 * Monday 00:00 (so in W03). post-3 and post-5 are under webinar-1.
 */
class WeeklyReportTest {

    static final Path LOG = Path.of("src/test/resources/weekly/two-weeks.jsonl");
    static final ZoneId UTC = ZoneId.of("UTC");
    static final OperatingModel MODEL = model();

    static OperatingModel model() {
        ValidationReport report = ModelValidation.validate(Path.of("..", "examples", "content-team.yaml"));
        assertThat(report.valid()).isTrue();
        return report.model();
    }

    static WeeklyReport report(Audience audience, String week, ZoneId zone) throws IOException {
        return WeeklyAnalysis.report(MODEL, List.of(), "two-weeks.jsonl", DebtAnalysis.jsonl(LOG), audience,
                Week.parse(week, zone));
    }

    static List<String> lines(Audience audience, String week, ZoneId zone) throws IOException {
        return Arrays.asList(WeeklyReportMarkdown.render(report(audience, week, zone), null).split("\n", -1));
    }

    /** The lines of one section of the Markdown, title excluded, up to the blank line after it. */
    static List<String> section(List<String> markdown, String title) {
        int at = 0;
        while (!markdown.get(at).startsWith("**" + title + " (") && !markdown.get(at).equals("**" + title + "**")) {
            at++;
        }
        int end = at + 1;
        while (end < markdown.size() && !markdown.get(end).isEmpty()) {
            end++;
        }
        return markdown.subList(at + 1, end);
    }

    @Test
    void everyoneInUtcLineByLine() throws IOException {
        assertThat(lines(Audience.EVERYONE, "2026-W02", UTC)).containsExactly(
                "# Weekly status: everyone, 2026-W02",
                "Lumen Labs content team · Mon 5 Jan to Sun 11 Jan 2026 (UTC) · 5 items · two-weeks.jsonl",
                "",
                "**Completed (2)**",
                "- `post-4` Year in review: completed in Publish by Ben Kowalski · Mon 5 Jan 00:00",
                "- `post-1` Ten pricing myths: completed in Publish by Ben Kowalski · Thu 8 Jan 16:00",
                "",
                "**Moved (7)**",
                "- `post-1` Ten pricing myths: moved from Draft to Edit by Ana Silva · Mon 5 Jan 09:00",
                "- `post-3` SEO checklist for launches: moved from Draft to Edit by Ana Silva · Mon 5 Jan 14:00",
                "- `post-1` Ten pricing myths: sent back from Edit to Draft by Zoe Park · Mon 5 Jan 17:01",
                "- `post-1` Ten pricing myths: moved from Draft to Edit by Ana Silva · Tue 6 Jan 09:00",
                "- `post-1` Ten pricing myths: moved from Edit to Publish by Zoe Park · Tue 6 Jan 12:00",
                "- `webinar-1` Usage-based pricing live: moved from Promote to Dry run by Omar Farah · Thu 8 Jan 10:00",
                "- `post-3` SEO checklist for launches: moved from Edit to Illustrate by Ivy Mendes · Fri 9 Jan 10:00",
                "",
                "**Blocked at the week's end (1)**",
                "- `post-2` Zero-party data guide: blocked in Pitch by Ben Kowalski · Fri 9 Jan 15:00"
                        + " — \"Waiting for legal to clear the customer quotes\"",
                "",
                "**SLAs breached or about to be (4)**",
                "- `post-2` Zero-party data guide: Pitch over its SLA of 1w, still open after 11.6 days · Wed 7 Jan 10:00",
                "- `post-3` SEO checklist for launches: handoff from Edit to Illustrate (Content → Design) accepted 3.0 days"
                        + " after it was sent, against its SLA of 1d · Wed 7 Jan 11:00",
                "- `webinar-1` Usage-based pricing live: Dry run over its SLA of 1d, still open after 3.6 days · Fri 9 Jan 10:00",
                "- `post-3` SEO checklist for launches: Illustrate has 10.0 h left of its SLA of 3d · Mon 12 Jan 10:00",
                "",
                "**Decisions made (4)**",
                "- `post-3` SEO checklist for launches: Edit approved by Zoe Park · Mon 5 Jan 15:00",
                "- `post-1` Ten pricing myths: Edit denied by Zoe Park · Mon 5 Jan 17:00 — \"Needs a stronger intro\"",
                "- `post-1` Ten pricing myths: Edit approved by Zoe Park · Tue 6 Jan 11:00 — \"Sharp angle\"",
                "- `webinar-1` Usage-based pricing live: Dry run approved by Omar Farah · Thu 8 Jan 11:00",
                "",
                "**Decisions waiting (1)**",
                "- `webinar-1` Usage-based pricing live: Dry run waits on approval from Zoe Park · Thu 8 Jan 10:05",
                "",
                "**Handoffs rejected (1)**",
                "- `post-3` SEO checklist for launches: handoff from Edit to Illustrate (Content → Design) rejected by"
                        + " Ivy Mendes · Tue 6 Jan 10:00 — \"No draft link, so I can't brief the illustration\"",
                "",
                "**Debt**",
                "- Debt score 20 (moderate) at the week's end, up 6 from 14 at the end of 2026-W01",
                "- Decision drag: 25% (not measured before)",
                "- Handoffs: 0% → 33%",
                "- SLA breaches: 0% → 20%",
                "");
    }

    @Test
    void markdownForSlackStopsEachSectionAtItsLimitAndSaysHowManyMore() throws IOException {
        List<String> md = Arrays.asList(WeeklyReportMarkdown.render(report(Audience.EVERYONE, "2026-W02", UTC), null, 2)
                .split("\n", -1));
        assertThat(section(md, "Moved")).containsExactly(
                "- `post-1` Ten pricing myths: moved from Draft to Edit by Ana Silva · Mon 5 Jan 09:00",
                "- `post-3` SEO checklist for launches: moved from Draft to Edit by Ana Silva · Mon 5 Jan 14:00",
                "- …and 5 more (the HTML and JSON reports list every line)");
        assertThat(md).contains("**Moved (7)**");
        // a section within the limit is whole, and 0 means every line
        assertThat(section(md, "Completed")).hasSize(2).noneMatch(l -> l.contains("more"));
        assertThat(WeeklyReportMarkdown.render(report(Audience.EVERYONE, "2026-W02", UTC), null, 0))
                .isEqualTo(WeeklyReportMarkdown.render(report(Audience.EVERYONE, "2026-W02", UTC), null));
    }

    @Test
    void aTeamSeesTheItemsItsPeopleOwnOrActOnAndTheStagesItOwns() throws IOException {
        List<String> writers = lines(Audience.team(MODEL, "writers"), "2026-W02", UTC);
        assertThat(writers.get(0)).isEqualTo("# Weekly status: Writers (team), 2026-W02");
        // webinar-1 is Omar Farah's (demand gen) and Zoe Park's: nothing of it is the writers'.
        assertThat(String.join("\n", writers)).doesNotContain("webinar-1");
        assertThat(section(writers, "Completed")).containsExactly(
                "- `post-4` Year in review: completed in Publish by Ben Kowalski · Mon 5 Jan 00:00",
                "- `post-1` Ten pricing myths: completed in Publish by Ben Kowalski · Thu 8 Jan 16:00");
        assertThat(section(writers, "SLAs breached or about to be")).containsExactly(
                "- `post-2` Zero-party data guide: Pitch over its SLA of 1w, still open after 11.6 days · Wed 7 Jan 10:00",
                "- `post-3` SEO checklist for launches: handoff from Edit to Illustrate (Content → Design) accepted 3.0 days"
                        + " after it was sent, against its SLA of 1d · Wed 7 Jan 11:00",
                "- `post-3` SEO checklist for launches: Illustrate has 10.0 h left of its SLA of 3d · Mon 12 Jan 10:00");
        assertThat(section(writers, "Decisions waiting")).containsExactly("- none");
        assertThat(section(writers, "Decisions made")).hasSize(3);
    }

    @Test
    void aPersonSeesWhatWaitsOnThemAndNotWhatTheyNeverTouched() throws IOException {
        List<String> zoe = lines(Audience.person(MODEL, "zoe.park"), "2026-W02", UTC);
        assertThat(zoe.get(0)).isEqualTo("# Weekly status: Zoe Park (person), 2026-W02");
        assertThat(section(zoe, "Decisions waiting")).containsExactly(
                "- `webinar-1` Usage-based pricing live: Dry run waits on approval from Zoe Park · Thu 8 Jan 10:05");
        // post-4: Ben Kowalski completed it in the writers' stage; Zoe Park neither owned nor touched it this week.
        assertThat(section(zoe, "Completed")).containsExactly(
                "- `post-1` Ten pricing myths: completed in Publish by Ben Kowalski · Thu 8 Jan 16:00");
        // post-2 sits in Pitch, the stage Zoe Park owns, though only Ben Kowalski acted on it this week.
        assertThat(section(zoe, "Blocked at the week's end")).hasSize(1).allMatch(l -> l.contains("`post-2`"));

        List<String> omar = lines(Audience.person(MODEL, "omar.farah"), "2026-W02", UTC);
        assertThat(String.join("\n", omar)).doesNotContain("post-");
        assertThat(section(omar, "Decisions made")).containsExactly(
                "- `webinar-1` Usage-based pricing live: Dry run approved by Omar Farah · Thu 8 Jan 11:00");
    }

    @Test
    void anInitiativeCoversItselfAndTheItemsUnderIt() throws IOException {
        WeeklyReport r = report(Audience.initiative("webinar-1"), "2026-W02", UTC);
        assertThat(r.items()).isEqualTo(2);
        assertThat(r.handoffsRejected()).extracting(WeeklyReport.Line::item).containsExactly("post-3");
        assertThat(r.moved()).extracting(WeeklyReport.Line::item).containsExactly("post-3", "webinar-1", "post-3");
        assertThatThrownBy(() -> report(Audience.initiative("post-9"), "2026-W02", UTC))
                .hasMessage("expected --initiative to name an item of the log created by the end of 2026-W02, found 'post-9'");
    }

    @Test
    void anEventAtMondayMidnightBelongsToTheWeekItOpens() throws IOException {
        List<String> w01 = lines(Audience.EVERYONE, "2026-W01", UTC);
        assertThat(section(w01, "Completed")).containsExactly("- none");
        assertThat(section(w01, "SLAs breached or about to be")).containsExactly(
                "- `post-2` Zero-party data guide: Pitch has 2.4 days left of its SLA of 1w · Wed 7 Jan 10:00");
        assertThat(section(w01, "Debt")).containsExactly(
                "- Debt score 14 (moderate) at the week's end, nothing to compare at the end of 2025-W52");
        // post-4 completed at 2026-01-05T00:00Z: the first line of W02. post-5 moved at 2026-01-12T00:00Z: in W03.
        assertThat(section(lines(Audience.EVERYONE, "2026-W02", UTC), "Completed").get(0)).contains("`post-4`");
        assertThat(report(Audience.EVERYONE, "2026-W02", UTC).moved()).noneMatch(l -> l.item().equals("post-5"));
        assertThat(section(lines(Audience.EVERYONE, "2026-W03", UTC), "Moved")).containsExactly(
                "- `post-5` Launch teaser: moved from Pitch to Draft by Ana Silva · Mon 12 Jan 00:00",
                "- `post-3` SEO checklist for launches: moved from Illustrate to Publish by Ivy Mendes · Mon 12 Jan 15:00");
    }

    @Test
    void daysAreCountedOnTheChosenZonesClock() throws IOException {
        // New York is UTC-5 in January: its W02 runs from 2026-01-05T05:00Z to 2026-01-12T05:00Z, so post-4's
        // completion at 00:00Z falls on Sunday evening of W01, and post-5's move at 00:00Z a week later in W02.
        List<String> ny = lines(Audience.EVERYONE, "2026-W02", ZoneId.of("America/New_York"));
        assertThat(ny.get(1)).isEqualTo(
                "Lumen Labs content team · Mon 5 Jan to Sun 11 Jan 2026 (America/New_York) · 5 items · two-weeks.jsonl");
        assertThat(section(ny, "Completed")).containsExactly(
                "- `post-1` Ten pricing myths: completed in Publish by Ben Kowalski · Thu 8 Jan 11:00");
        List<String> moved = section(ny, "Moved");
        assertThat(moved).hasSize(8);
        assertThat(moved.get(7)).isEqualTo("- `post-5` Launch teaser: moved from Pitch to Draft by Ana Silva · Sun 11 Jan 19:00");
        assertThat(section(ny, "SLAs breached or about to be")).contains(
                "- `post-3` SEO checklist for launches: Illustrate has 5.0 h left of its SLA of 3d · Mon 12 Jan 05:00");
        Week w = Week.parse("2026-W02", ZoneId.of("America/New_York"));
        assertThat(w.start()).hasToString("2026-01-05T05:00:00Z");
        assertThat(w.end()).hasToString("2026-01-12T05:00:00Z");
    }

    @Test
    void theDebtChangeIsTheDebtReportOfTheLogCutAtBothWeekEnds() throws IOException {
        WeeklyReport r = report(Audience.EVERYONE, "2026-W02", UTC);
        DebtReport atEnd = DebtAnalysis.analyze(MODEL, List.of(), "two-weeks.jsonl", DebtAnalysis.jsonl(LOG),
                Scope.parse("--from", null, "--to", "2026-01-11", List.of()));
        DebtReport atStart = DebtAnalysis.analyze(MODEL, List.of(), "two-weeks.jsonl", DebtAnalysis.jsonl(LOG),
                Scope.parse("--from", null, "--to", "2026-01-04", List.of()));
        assertThat(r.debt().after()).isEqualTo(atEnd.score());
        assertThat(r.debt().before()).isEqualTo(atStart.score());
        assertThat(r.debt().band()).isEqualTo(atEnd.band());
        assertThat(r.debt().previousWeek()).isEqualTo("2026-W01");
    }

    @Test
    void weeksAreReadAsIsoWeeksAndTheDefaultIsTheLastCompleteOne() throws IOException {
        assertThat(WeeklyAnalysis.lastCompleteWeek(DebtAnalysis.jsonl(LOG), UTC)).map(Week::key).contains("2026-W02");
        assertThat(Week.parse("2026-w53", UTC).monday()).hasToString("2026-12-28");
        assertThat(Week.parse("2025-W01", UTC).monday()).hasToString("2024-12-30");
        assertThatThrownBy(() -> Week.parse("2026-49", UTC)).hasMessage("expected --week like 2026-W49, found '2026-49'");
        assertThatThrownBy(() -> Week.parse("2027-W53", UTC))
                .hasMessage("expected --week like 2026-W49 with a week from 01 to 52 of 2027, found '2027-W53'");
        assertThatThrownBy(() -> Audience.team(MODEL, "writer")).hasMessage(
                "expected --team to be a team of the model (writers), found 'writer'");
        assertThatThrownBy(() -> Audience.person(MODEL, "zoe")).hasMessage("expected --person to be a person of the model "
                + "(zoe.park, ana.silva, ben.kowalski, ivy.mendes, omar.farah), found 'zoe'");
    }

    @Test
    void jsonAndHtmlCarryTheSameLinesWithLinksToTheItems() throws IOException {
        WeeklyReport r = report(Audience.EVERYONE, "2026-W02", UTC);
        Map<String, Object> json = WeeklyReportJson.toMap(r);
        assertThat(json.keySet()).containsExactly("model", "log", "audience", "week", "items", "completed", "moved",
                "blocked", "slas", "decisionsMade", "decisionsWaiting", "handoffsRejected", "debt");
        assertThat(json.get("week")).isEqualTo(Map.of("week", "2026-W02", "zone", "UTC",
                "start", "2026-01-05T00:00:00Z", "end", "2026-01-12T00:00:00Z"));
        @SuppressWarnings("unchecked")
        Map<String, Object> waiting = ((List<Map<String, Object>>) json.get("decisionsWaiting")).get(0);
        assertThat(waiting).containsEntry("item", "webinar-1").containsEntry("kind", "waiting")
                .containsEntry("at", "2026-01-08T10:05:00Z").containsEntry("people", List.of("zoe.park"))
                .containsEntry("text", "Dry run waits on approval from Zoe Park");

        String html = WeeklyReportHtml.render(r, null);
        assertThat(html).contains("<a href=\"/items/post-3\">post-3</a> SEO checklist for launches: handoff from Edit to "
                + "Illustrate (Content → Design) rejected by Ivy Mendes").doesNotContain("<script", "src=\"http", "href=\"http");
        assertThat(WeeklyReportMarkdown.render(r, "https://baton.example.com/")).contains(
                "- [post-1](https://baton.example.com/items/post-1) Ten pricing myths: completed in Publish");
        assertThat(Set.of(r.sections().stream().map(WeeklyReport.Section::id).toArray()))
                .allMatch(json::containsKey);
    }
}
