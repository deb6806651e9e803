package dev.baton.assist.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.insight.weekly.Audience;
import dev.baton.insight.weekly.Week;
import dev.baton.insight.weekly.WeeklyReport;
import dev.baton.insight.weekly.WeeklyReport.Line;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The narrative says only what the report says, and every sentence cites the report lines it rests on. */
class WeeklyNarrativeTest {

    private static Line line(String item, String title, String kind) {
        return new Line(item, title, kind, Instant.parse("2026-03-03T10:00:00Z"), List.of("nora.haddad"), kind, null);
    }

    @Test
    void eachSectionBecomesOneSentenceCitingItsLinesAndTheDebtScoreItsOwn() {
        List<Line> completed = List.of(line("item-1", "Spring webinars", "completed"), line("item-2", "Pricing page", "completed"),
                line("item-3", null, "completed"), line("item-4", "Partner kit", "completed"));
        WeeklyReport report = new WeeklyReport("Northwind", "log", Audience.EVERYONE, Week.parse("2026-W10", ZoneOffset.UTC),
                5, completed, List.of(), List.of(line("item-5", "Launch video", "blocked")), List.of(), List.of(), List.of(),
                List.of(), new WeeklyReport.DebtChange(42, "moderate", 48.0, "2026-W09",
                List.of(new WeeklyReport.ComponentChange("handoff-friction", "Handoff friction", 0.4, 0.3))));
        List<WeeklyNarrative.Sentence> s = WeeklyNarrative.of(report);
        assertThat(s).extracting(WeeklyNarrative.Sentence::text).containsExactly(
                "4 items were completed: “Spring webinars” [completed#1], “Pricing page” [completed#2] and “item-3” "
                        + "[completed#3] and 1 more.",
                "1 item was blocked at the week's end: “Launch video” [blocked#1].",
                "The debt score fell from 48 to 42 (moderate), most of all in Handoff friction.");
        assertThat(s.get(0).citations()).extracting(WeeklyNarrative.Citation::item)
                .containsExactly("item-1", "item-2", "item-3", "item-4");
        assertThat(s.get(2).citations()).extracting(WeeklyNarrative.Citation::ref).containsExactly("debt");
    }

    @Test
    void aQuietWeekSaysSoAndCitesNothing() {
        WeeklyReport report = new WeeklyReport("Northwind", "log", Audience.EVERYONE, Week.parse("2026-W10", ZoneOffset.UTC),
                0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        assertThat(WeeklyNarrative.of(report)).singleElement().satisfies(x -> {
            assertThat(x.text()).startsWith("Nothing in the report happened this week");
            assertThat(x.citations()).isEmpty();
        });
    }
}
