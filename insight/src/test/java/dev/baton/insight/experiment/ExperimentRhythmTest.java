package dev.baton.insight.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ExperimentResultsRecorded;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.experiment.ExperimentRhythm.Experiment;
import dev.baton.insight.experiment.ExperimentRhythm.Month;
import dev.baton.insight.experiment.ExperimentRhythm.Rhythm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rhythm on a hand-built history of four experiments, two teams, two months. */
class ExperimentRhythmTest {

    static final ExperimentRhythm.Rules RULES = new ExperimentRhythm.Rules("running", "decided", "experiment-owner",
            p -> switch (p) {
                case "nora" -> "demand";
                case "dev" -> "revops";
                default -> null;
            });

    /** A stream built event by event: (day of 2026, event). */
    static final class Stream {
        final String id;
        final List<RecordedEvent> events = new ArrayList<>();

        Stream(String id) {
            this.id = id;
        }

        Stream at(String day, BatonEvent e) {
            events.add(new RecordedEvent(0, id, events.size() + 1, Instant.parse(day + "T10:00:00Z"), "maya",
                    "experiment", 1, null, e));
            return this;
        }
    }

    static ItemCreated created(String title, String owner) {
        return new ItemCreated(title, "designed", owner == null ? Map.of() : Map.of("experiment-owner", owner), null, null);
    }

    static ExperimentResultsRecorded results() {
        return new ExperimentResultsRecorded("u1", "units", "r.csv", Map.of("arms", List.of("a", "b")), "2 arms");
    }

    static Rhythm history() {
        // A: idea 1 Mar, running 10 Mar, results 30 Mar, decided 2 Apr: by data, 32 days.
        Stream a = new Stream("a").at("2026-03-01", created("Subject line test", "nora"))
                .at("2026-03-05", new StageEntered("designed", "approved", false))
                .at("2026-03-10", new StageEntered("approved", "running", false))
                .at("2026-03-30", results())
                .at("2026-04-02", new StageEntered("analysed", "decided", false))
                .at("2026-04-02", new ItemCompleted("decided"));
        // B: decided 21 Mar without any results: 20 days.
        Stream b = new Stream("b").at("2026-03-01", created("Pricing page hero", "nora"))
                .at("2026-03-03", new StageEntered("approved", "running", false))
                .at("2026-03-21", new StageEntered("running", "decided", false));
        // C: dev's team, started in April and stopped without a decision (results came, but nobody decided).
        Stream c = new Stream("c").at("2026-03-15", created("Webinar reminder timing", null))
                .at("2026-03-15", new OwnerAssigned("dev", null))
                .at("2026-04-01", new StageEntered("approved", "running", false))
                .at("2026-04-08", results())
                .at("2026-04-10", new StageEntered("running", "stopped", false))
                .at("2026-04-10", new ItemCompleted("stopped"));
        // D: still being designed; its owner is in no team.
        Stream d = new Stream("d").at("2026-04-20", created("Trial length", "maya"));
        // not an item: no ItemCreated first
        Stream noise = new Stream("x").at("2026-04-20", results());
        return ExperimentRhythm.measure(List.of(a.events, b.events, c.events, d.events, noise.events), RULES);
    }

    @Test
    void countsStartedDecidedAndStoppedPerMonthAndTeam() {
        Rhythm r = history();
        assertThat(r.months()).containsExactly(
                new Month("2026-03", "demand", 2, 1, 0),
                new Month("2026-04", "demand", 0, 1, 0),
                new Month("2026-04", "revops", 1, 0, 1));
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.started()).isEqualTo(3);
        assertThat(r.decided()).isEqualTo(2);
        assertThat(r.decidedByData()).isEqualTo(1);
        assertThat(r.stopped()).isEqualTo(1);
    }

    @Test
    void sharesAreOfTheExperimentsThatEndedAndTheMedianIsFromIdeaToDecision() {
        Rhythm r = history();
        assertThat(r.shareDecidedByData()).isEqualTo(1.0 / 3);
        assertThat(r.shareDecidedWithoutData()).isEqualTo(1.0 / 3);
        assertThat(r.shareStopped()).isEqualTo(1.0 / 3);
        assertThat(r.medianDaysToDecision()).isEqualTo(26.0); // (32 + 20) / 2
        assertThat(r.sentence()).isEqualTo("4 experiments, 3 started. Of 3 that ended, 1 were decided on data (33%), "
                + "1 decided without results recorded first and 1 stopped without a decision. Median 26.0 days from idea "
                + "to decision.");
    }

    @Test
    void eachExperimentSaysHowItEndedAndWhoseTeamItIs() {
        List<Experiment> e = history().experiments();
        assertThat(e).extracting(Experiment::item).containsExactly("a", "b", "c", "d");
        assertThat(e).extracting(Experiment::outcome)
                .containsExactly("decided-by-data", "decided-without-data", "stopped", "designing");
        assertThat(e).extracting(Experiment::team).containsExactly("demand", "demand", "revops", ExperimentRhythm.NO_TEAM);
        assertThat(e.get(0).daysToDecision()).isEqualTo(32.0);
        assertThat(e.get(2).daysToDecision()).isNull();
    }

    @Test
    void noExperimentsGiveNullsNotNaN() {
        Rhythm r = ExperimentRhythm.measure(List.of(), RULES);
        assertThat(r.shareDecidedByData()).isNull();
        assertThat(r.medianDaysToDecision()).isNull();
        assertThat(r.sentence()).isEqualTo("No experiments yet.");
    }

    static final ExperimentRhythm.Rules WITH_STOP = new ExperimentRhythm.Rules("running", "decided", "experiment-owner",
            RULES.teamOf(), java.util.Set.of("stopped"));

    @Test
    void closedCancelledOrAbandonedWithoutAConclusionIsStoppedWithoutADecision() {
        // E: moved into the stop stage and left there, never completed: closed without a decision.
        Stream e = new Stream("e").at("2026-05-01", created("Homepage video", "nora"))
                .at("2026-05-02", new StageEntered("approved", "running", false))
                .at("2026-05-09", new StageEntered("running", "stopped", false));
        // F: cancelled before it ever ran.
        Stream f = new Stream("f").at("2026-05-01", created("Exit intent pop-up", "nora"))
                .at("2026-05-03", new StageEntered("designed", "stopped", false))
                .at("2026-05-03", new ItemCompleted("stopped"));
        // G: decided, the decision taken back (reopened), then abandoned in the stop stage.
        Stream g = new Stream("g").at("2026-05-01", created("Pricing anchor", "nora"))
                .at("2026-05-02", new StageEntered("approved", "running", false))
                .at("2026-05-20", new StageEntered("analysed", "decided", false))
                .at("2026-05-20", new ItemCompleted("decided"))
                .at("2026-05-22", new ItemReopened("analysed", "the data were from the wrong segment"))
                .at("2026-05-22", new StageEntered("decided", "analysed", true))
                .at("2026-05-30", new StageEntered("analysed", "stopped", false));
        // H: moved into the stop stage by mistake and straight back out: still running.
        Stream h = new Stream("h").at("2026-05-01", created("Demo CTA colour", "nora"))
                .at("2026-05-02", new StageEntered("approved", "running", false))
                .at("2026-05-04", new StageEntered("running", "stopped", false))
                .at("2026-05-04", new StageEntered("stopped", "running", true));
        Rhythm r = ExperimentRhythm.measure(List.of(e.events, f.events, g.events, h.events), WITH_STOP);
        assertThat(r.experiments()).extracting(Experiment::outcome)
                .containsExactly("stopped", "stopped", "stopped", "running");
        assertThat(r.experiments().get(0).stoppedAt()).isEqualTo(Instant.parse("2026-05-09T10:00:00Z"));
        assertThat(r.experiments().get(2).decidedAt()).isNull();
        assertThat(r.experiments().get(2).daysToDecision()).isNull();
        assertThat(r.stopped()).isEqualTo(3);
        assertThat(r.decided()).isZero();
        assertThat(r.shareStopped()).isEqualTo(1.0);
        assertThat(r.shareDecidedByData()).isEqualTo(0.0);
        assertThat(r.months()).containsExactly(new Month("2026-05", "demand", 3, 0, 3));
        assertThat(r.sentence()).contains("Of 3 that ended, 0 were decided on data (0%), 0 decided without results "
                + "recorded first and 3 stopped without a decision.");
        // without the stop stage in the rules only the completed one is known to have ended
        Rhythm old = ExperimentRhythm.measure(List.of(e.events, f.events), RULES);
        assertThat(old.experiments()).extracting(Experiment::outcome).containsExactly("running", "stopped");
    }
}
