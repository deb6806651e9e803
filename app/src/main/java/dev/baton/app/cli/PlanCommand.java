package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.model.OperatingModel;
import dev.baton.plan.roadmap.Comparison;
import dev.baton.plan.roadmap.EffortSuggestions;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.insight.log.LogFormatException;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.InitiativesFile;
import dev.baton.app.roadmap.LoggedEffort;
import dev.baton.plan.roadmap.Planner;
import dev.baton.plan.roadmap.Progress;
import dev.baton.plan.roadmap.Quarter;
import dev.baton.plan.roadmap.Rebalance;
import dev.baton.plan.roadmap.Roadmap;
import dev.baton.plan.roadmap.RoadmapRefused;
import dev.baton.plan.roadmap.Scenario;
import dev.baton.plan.roadmap.ScenarioFile;
import dev.baton.plan.roadmap.Search;
import dev.baton.plan.roadmap.Verdicts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton plan --model M --initiatives FILE [--quarters 2027-Q1..2027-Q4] [--scenario FILE]
 * [--seed N] [--steps N | --time-limit 10s] [--progress] [--top N] --format text|json|html}: the quarter roadmap, what does not fit
 * and why, a scenario beside it, and where capacity binds. {@code baton plan rcpsp FILE.sm}
 * schedules a PSPLIB project (the scheduling core's external check).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Place initiatives into quarters against each function's capacity; say what does not fit "
                + "and why. 'baton plan rcpsp FILE.sm' schedules a PSPLIB project.",
        subcommands = {RcpspCommand.class})
final class PlanCommand implements Callable<Integer> {

    enum Format { text, json, html }

    @Option(names = "--model", paramLabel = "M", description = "The operating model (people and functions give capacity).")
    Path model;

    @Option(names = "--initiatives", paramLabel = "FILE", description = "The initiatives file (YAML).")
    Path initiatives;

    @Option(names = "--log", paramLabel = "L", description = "An event log: its completed items with recorded effort "
            + "(Jira's time spent, else original estimate, at 8 hours a person-day) feed the effort suggestions, "
            + "as work of their work type on their owner's function.")
    Path log;

    @Option(names = "--points-per-day", paramLabel = "N", defaultValue = "0",
            description = "Story points a person does in a day, to count the log's story points as effort "
                    + "(default: story points are not used).")
    double pointsPerDay;

    @Option(names = "--quarters", paramLabel = "RANGE", description = "e.g. 2027-Q1..2027-Q4 (default: the file's).")
    String quarters;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario to plan and compare with the base plan.")
    Path scenario;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the local search (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", defaultValue = "20000", paramLabel = "N",
            description = "Local-search steps (default: ${DEFAULT-VALUE}); 0 keeps the greedy packer's plan.")
    long steps;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = RcpspCommand.DurationConverter.class,
            description = "Interactive use: search for this long, e.g. 10s, 2m (the step limits are lifted unless "
                    + "--steps is given). Not reproducible: how far the search gets depends on the machine and its "
                    + "load; leave it out for the same plan from the same inputs and seed.")
    Duration timeLimit;

    @Option(names = "--progress",
            description = "Show the search's progress on stderr while it runs: seconds, best score, value planned, "
                    + "a line per better plan. (--log is the event log.)")
    boolean progress;

    @Option(names = "--use-suggestions",
            description = "Plan initiatives without effort on their suggested effort (the median of completed work of "
                    + "the same theme); without it, suggestions are only shown.")
    boolean useSuggestions;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N",
            description = "Rebalance: capacity to add so that the top N initiatives fit (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (model == null || initiatives == null) {
            err.println("baton plan: expected --model M and --initiatives FILE (or 'baton plan rcpsp FILE.sm')");
            return Baton.USAGE;
        }
        if (pointsPerDay < 0) {
            err.println("baton plan: --points-per-day: expected a number of 0 or more, found " + pointsPerDay);
            return Baton.USAGE;
        }
        if (steps < 0 || top < 0) {
            err.println("baton plan: expected --steps and --top of 0 or more");
            return Baton.USAGE;
        }
        if (timeLimit != null && (timeLimit.isZero() || timeLimit.isNegative())) {
            err.println("baton plan: --time-limit: expected a positive duration such as 10s, found " + timeLimit);
            return Baton.USAGE;
        }
        List<Quarter> range = null;
        if (quarters != null) {
            range = Quarter.range(quarters).orElse(null);
            if (range == null) {
                err.println("baton plan: --quarters: expected a range such as 2027-Q1..2027-Q4, found '" + quarters + "'");
                return Baton.USAGE;
            }
        }
        OperatingModel m = ModelFiles.validOrNull(model, err);
        if (m == null) {
            return Baton.INVALID;
        }
        Roadmap roadmap;
        Scenario change = null;
        try {
            roadmap = InitiativesFile.read(text(initiatives), m, range);
            if (scenario != null) {
                change = ScenarioFile.read(text(scenario), roadmap);
            }
        } catch (IOException e) {
            err.println("baton plan: cannot read: " + e.getMessage());
            return Baton.INVALID;
        } catch (RoadmapRefused e) {
            String file = (e.problems().isEmpty() || scenario == null ? initiatives : scenario).toString();
            e.problems().forEach(p -> err.println(p.format(file)));
            return Baton.INVALID;
        }
        if (log != null) {
            List<Initiative> logged = loggedEffort(m, err);
            if (logged == null) {
                return Baton.INVALID;
            }
            roadmap = roadmap.withCompleted(java.util.stream.Stream.concat(roadmap.completed().stream(), logged.stream()).toList());
        }
        if (useSuggestions) {
            Map<String, EffortSuggestions.Suggestion> suggested = EffortSuggestions.of(roadmap);
            suggested.values().forEach(s -> err.println("baton plan: '" + s.id() + "' is planned on suggested effort "
                    + s.effortText() + " (the median of " + s.basedOn() + " completed '" + s.theme() + "' initiatives)"));
            roadmap = EffortSuggestions.apply(roadmap, suggested);
        }
        SolverLogs.quiet();
        Planner planner = steps == 0 ? Planner.GREEDY : Planner.TIMEFOLD;
        Search search = new Search(seed, steps, Math.min(steps, Math.max(200, steps / 10)), timeLimit);
        if (timeLimit != null && !spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
            search = new Search(seed, Integer.MAX_VALUE, Integer.MAX_VALUE, timeLimit);
        }
        Progress shown = progress ? progressOn(err) : Progress.NONE;
        Planner.Result base = planner.plan(roadmap, search, shown);
        Comparison comparison = null;
        if (change != null) {
            Planner.Result changed = planner.replan(base.plan(), change.applyTo(roadmap), search, shown);
            comparison = Comparison.of(change, base, changed);
        }
        RoadmapReport report = new RoadmapReport(roadmap, base, comparison,
                Rebalance.bottlenecks(base.plan()), Rebalance.toFitTop(base.plan().instance(), top), top);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(report.json()));
            case html -> out.println(RoadmapPage.html(report));
            default -> report.text(out);
        }
        return Baton.OK;
    }

    /** The log's completed work with recorded effort; null (said on err) when the log cannot be read. */
    private List<Initiative> loggedEffort(OperatingModel m, PrintWriter err) {
        LogOptions source = new LogOptions();
        source.log = log;
        if (!source.isFile(err)) {
            return null;
        }
        List<RecordedEvent> events = new ArrayList<>();
        try {
            source.events(m).forEach(e -> {
                if (e.event() instanceof WorkItemEvent.ItemCreated || e.event() instanceof WorkItemEvent.OwnerAssigned
                        || e.event() instanceof WorkItemEvent.ItemCompleted) {
                    events.add(e);
                }
            });
        } catch (LogFormatException e) {
            err.println(e.getMessage());
            return null;
        } catch (IOException | RuntimeException e) {
            if (!source.explain(e, err)) {
                err.println("baton plan: cannot read " + log + ": " + e.getMessage());
            }
            return null;
        }
        return LoggedEffort.completed(events, m, pointsPerDay);
    }

    /** One line on stderr per better plan: the command's output stays its result only. */
    private static Progress progressOn(PrintWriter err) {
        return (seconds, score, value) -> {
            err.printf(Locale.ROOT, "plan: %6.1f s  best %s  value planned %s%n", seconds, score, Verdicts.number(value));
            err.flush();
        };
    }

    private static String text(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        return Files.readString(file);
    }

    /** Timefold logs its progress at INFO; a command's output is its result only. */
    static final class SolverLogs {
        static void quiet() {
            if (org.slf4j.LoggerFactory.getLogger("ai.timefold") instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%d%%", Math.round(100 * share));
    }
}
