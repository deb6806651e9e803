package dev.baton.insight.experiment;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ExperimentResultsRecorded;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.learning.LearningLoop;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The experimentation rhythm (docs/experiments.md, "The rhythm"), read from the event log of the
 * experiment items only: per month (UTC) and team, experiments started (first entering the running
 * stage) and decided (first entering the decision stage, or completing in it) or stopped without a
 * decision (moved into a stop stage, or completed in any final stage other than the decision, with no
 * decision before: closed, cancelled or abandoned, whether or not it was completed there; a
 * reopening or a move back out takes the ending back, a reopened decision too, so that an
 * experiment whose decision was taken back and which was then dropped counts as stopped); the days
 * from the idea (the item created) to the
 * decision; and of the experiments that ended, the share decided by data (results recorded before
 * the decision), decided without data, and stopped without a decision. Pure: no clock, no storage.
 */
public final class ExperimentRhythm {

    /** Where a team is unknown (no owner, or an owner in no team). */
    public static final String NO_TEAM = "no team";

    private ExperimentRhythm() {
    }

    /**
     * The stages that matter and how a person maps to a team.
     *
     * @param runningStage the stage whose first entry starts an experiment ({@code running})
     * @param decidedStage the stage whose first entry is the decision ({@code decided})
     * @param ownerField   a person field naming the experiment's owner when the item has no accountable owner (may be null)
     * @param teamOf       a person's team, or null
     * @param stopStages   final stages other than the decision ({@code stopped}): entering one ends the
     *                     experiment without a decision, completed there or not
     */
    public record Rules(String runningStage, String decidedStage, String ownerField, Function<String, String> teamOf,
                        Set<String> stopStages) {

        public Rules(String runningStage, String decidedStage, String ownerField, Function<String, String> teamOf) {
            this(runningStage, decidedStage, ownerField, teamOf, Set.of());
        }
    }

    /** One experiment's trail. {@code outcome}: designing, running, decided-by-data, decided-without-data or stopped. */
    public record Experiment(String item, String title, String team, Instant createdAt, Instant startedAt,
                             Instant resultsAt, Instant decidedAt, Instant stoppedAt, Double daysToDecision, String outcome) {
    }

    /** One month and team. */
    public record Month(String month, String team, int started, int decided, int stopped) {
    }

    public record Rhythm(List<Month> months, List<Experiment> experiments, int total, int started, int decided,
                         int decidedByData, int stopped, Double shareDecidedByData, Double shareDecidedWithoutData,
                         Double shareStopped, Double medianDaysToDecision, String sentence) {
    }

    /** @param streams the events of each experiment item, in stream order */
    public static Rhythm measure(List<List<RecordedEvent>> streams, Rules rules) {
        List<Experiment> experiments = new ArrayList<>();
        for (List<RecordedEvent> stream : streams) {
            Experiment e = trail(stream, rules);
            if (e != null) {
                experiments.add(e);
            }
        }
        experiments.sort(Comparator.comparing(Experiment::createdAt).thenComparing(Experiment::item));
        Map<String, int[]> cells = new TreeMap<>();
        for (Experiment e : experiments) {
            count(cells, e.startedAt(), e.team(), 0);
            count(cells, e.decidedAt(), e.team(), 1);
            count(cells, e.stoppedAt(), e.team(), 2);
        }
        List<Month> months = new ArrayList<>();
        cells.forEach((key, c) -> {
            String[] parts = key.split("\u0000", 2);
            months.add(new Month(parts[0], parts[1], c[0], c[1], c[2]));
        });
        int started = (int) experiments.stream().filter(e -> e.startedAt() != null).count();
        int decided = (int) experiments.stream().filter(e -> e.decidedAt() != null).count();
        int byData = (int) experiments.stream().filter(e -> "decided-by-data".equals(e.outcome())).count();
        int stopped = (int) experiments.stream().filter(e -> "stopped".equals(e.outcome())).count();
        int ended = decided + stopped;
        Double median = LearningLoop.median(experiments.stream().map(Experiment::daysToDecision).filter(Objects::nonNull).toList());
        Double shareData = ended == 0 ? null : (double) byData / ended;
        Double shareNoData = ended == 0 ? null : (double) (decided - byData) / ended;
        Double shareStopped = ended == 0 ? null : (double) stopped / ended;
        return new Rhythm(List.copyOf(months), List.copyOf(experiments), experiments.size(), started, decided, byData,
                stopped, shareData, shareNoData, shareStopped, median,
                sentence(experiments.size(), started, ended, decided, byData, stopped, median));
    }

    private static Experiment trail(List<RecordedEvent> stream, Rules rules) {
        if (stream.isEmpty() || !(stream.get(0).event() instanceof ItemCreated created)) {
            return null;
        }
        Instant createdAt = stream.get(0).at();
        Object fieldOwner = rules.ownerField() == null || created.fields() == null ? null : created.fields().get(rules.ownerField());
        String owner = null;
        Instant startedAt = null;
        Instant resultsAt = null;
        Instant decidedAt = null;
        Instant stoppedAt = null;
        for (RecordedEvent e : stream) {
            Object event = e.event();
            if (event instanceof OwnerAssigned o) {
                owner = o.owner();
            } else if (event instanceof StageEntered s) {
                if (startedAt == null && rules.runningStage().equals(s.to())) {
                    startedAt = e.at();
                }
                if (stoppedAt != null && !rules.stopStages().contains(s.to())) {
                    stoppedAt = null; // moved back out of the stop stage: running again
                }
                if (decidedAt == null && stoppedAt == null && rules.decidedStage().equals(s.to())) {
                    decidedAt = e.at();
                }
                if (decidedAt == null && stoppedAt == null && rules.stopStages().contains(s.to())) {
                    stoppedAt = e.at();
                }
            } else if (event instanceof ExperimentResultsRecorded && resultsAt == null) {
                resultsAt = e.at();
            } else if (event instanceof ItemCompleted c) {
                if (decidedAt == null && stoppedAt == null) {
                    if (rules.decidedStage().equals(c.stage())) {
                        decidedAt = e.at();
                    } else {
                        stoppedAt = e.at();
                    }
                }
            } else if (event instanceof ItemReopened) {
                stoppedAt = null; // taken up again: neither stopped nor decided any more
                decidedAt = null;
            }
        }
        String person = owner != null ? owner : fieldOwner instanceof String s ? s : stream.get(0).actor();
        String team = person == null ? null : rules.teamOf().apply(person);
        Double days = decidedAt == null ? null : Duration.between(createdAt, decidedAt).toMillis() / 86_400_000.0;
        String outcome = decidedAt != null
                ? (resultsAt != null && resultsAt.isBefore(decidedAt) ? "decided-by-data" : "decided-without-data")
                : stoppedAt != null ? "stopped" : startedAt != null ? "running" : "designing";
        return new Experiment(stream.get(0).stream(), created.title(), team == null ? NO_TEAM : team, createdAt, startedAt,
                resultsAt, decidedAt, stoppedAt, days, outcome);
    }

    private static void count(Map<String, int[]> cells, Instant at, String team, int column) {
        if (at != null) {
            cells.computeIfAbsent(YearMonth.from(at.atZone(ZoneOffset.UTC)) + "\u0000" + team, k -> new int[3])[column]++;
        }
    }

    private static String sentence(int total, int started, int ended, int decided, int byData, int stopped, Double median) {
        if (total == 0) {
            return "No experiments yet.";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d experiment%s, %d started. ", total,
                total == 1 ? "" : "s", started));
        if (ended == 0) {
            return s.append("None decided or stopped yet.").toString();
        }
        s.append(String.format(Locale.ROOT, "Of %d that ended, %d were decided on data (%.0f%%), %d decided without "
                        + "results recorded first and %d stopped without a decision.", ended, byData, 100.0 * byData / ended,
                decided - byData, stopped));
        if (median != null) {
            s.append(String.format(Locale.ROOT, " Median %.1f days from idea to decision.", median));
        }
        return s.toString();
    }
}
