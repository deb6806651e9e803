package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.plan.rcpsp.PsplibFormatException;
import dev.baton.plan.rcpsp.PsplibReader;
import dev.baton.plan.rcpsp.Rcpsp;
import dev.baton.plan.rcpsp.RcpspInstance;
import dev.baton.plan.schedule.Budget;
import dev.baton.plan.schedule.LowerBounds;
import dev.baton.plan.schedule.Method;
import dev.baton.plan.schedule.Project;
import dev.baton.plan.schedule.Schedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton plan rcpsp FILE.sm [--time-limit 10s] [--iterations N] [--seed N] [--method M]
 * [--format text|json]}: schedules a PSPLIB single-mode project with the planner's scheduling
 * core and prints the makespan, the lower bound and every job's start. The schedule is checked
 * independently before it is printed; one that breaks a rule is a bug (exit 70).
 */
@Command(name = "rcpsp", mixinStandardHelpOptions = true,
        description = "Schedule a PSPLIB single-mode RCPSP instance (.sm): shortest makespan under precedences "
                + "and resource capacities. Stops early when the makespan meets the lower bound.")
final class RcpspCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "FILE.sm", description = "A PSPLIB single-mode instance.")
    Path file;

    @Option(names = "--time-limit", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop searching after this long, e.g. 500ms, 10s, 2m (default: ${DEFAULT-VALUE}). A run "
                    + "stopped by time depends on the machine's speed; give --iterations for the same schedule "
                    + "everywhere.")
    Duration timeLimit;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Stop after N schedule passes (each serial decode and each justification pass counts "
                    + "one): the same seed then gives the same schedule on every machine.")
    Long iterations;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the search (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--method", defaultValue = "genetic", paramLabel = "METHOD", converter = MethodConverter.class,
            description = "genetic (default: activity-list GA with forward-backward improvement), timefold "
                    + "(Timefold Solver local search on the same decoder) or sgs (priority rules only).")
    Method method;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println(file + ": error: " + (Files.exists(file) ? "expected a PSPLIB .sm file, found a directory"
                    : "no such file"));
            return Baton.INVALID;
        }
        if (iterations != null && iterations <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--iterations: expected a positive number, "
                    + "found " + iterations);
        }
        RcpspInstance instance;
        try {
            instance = PsplibReader.read(file);
        } catch (PsplibFormatException e) {
            err.println(e.getMessage());
            return Baton.INVALID;
        } catch (IOException e) {
            err.println(file + ": error: cannot read: " + e.getMessage());
            return Baton.INVALID;
        }
        quietSolverLogs();
        Budget budget = new Budget(iterations == null ? Budget.UNLIMITED : iterations, timeLimit, seed);
        Rcpsp.Solution solution = Rcpsp.solve(instance, method, budget);
        if (!solution.check().feasible()) {
            err.println("baton: internal error: the schedule found for " + instance.name() + " breaks the rules, "
                    + "which is a bug; it is not shown: " + solution.check().summary());
            return Baton.INTERNAL;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(json(solution)));
        } else {
            text(solution, out);
        }
        return Baton.OK;
    }

    private Object json(Rcpsp.Solution s) {
        LowerBounds b = s.result().bounds();
        return Json.ordered(
                "instance", s.instance().name(),
                "makespan", s.makespan(),
                "lowerBound", s.lowerBound(),
                "starts", s.startsByJob(),
                "optimal", s.result().reachedBound(),
                "bounds", Json.ordered("criticalPath", b.criticalPath(), "resource", b.resource(),
                        "disjunctive", b.disjunctive()),
                "method", method.name().toLowerCase(Locale.ROOT),
                "seed", seed,
                "schedules", s.result().schedules());
    }

    private void text(Rcpsp.Solution s, PrintWriter out) {
        Project p = s.instance().project();
        Schedule schedule = s.result().schedule();
        int lb = s.lowerBound();
        out.printf(Locale.ROOT, "%s: %d jobs, %d resources%n", s.instance().name(), p.size(), p.resources());
        out.printf(Locale.ROOT, "makespan     %d%n", s.makespan());
        out.printf(Locale.ROOT, "lower bound  %d (%s)%n", lb, s.result().bounds().strongest());
        out.printf(Locale.ROOT, "gap          %s%n", s.result().reachedBound() ? "0 % (optimal: the makespan meets the "
                + "lower bound)" : String.format(Locale.ROOT, "%.1f %% above the lower bound (the optimum lies in %d–%d)",
                100 * s.result().gapToBound(), lb, s.makespan()));
        out.printf(Locale.ROOT, "search       %s, seed %d, %,d schedules in %s; checked: every precedence and "
                        + "capacity kept%n", method.name().toLowerCase(Locale.ROOT), seed, s.result().schedules(),
                String.format(Locale.ROOT, "%.2f s", s.result().elapsedMillis() / 1000.0));
        out.println();
        int width = 60;
        int perChar = Math.max(1, (s.makespan() + width - 1) / width);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%5s %6s %6s", "job", "start", "finish"));
        for (int k = 0; k < p.resources(); k++) {
            head.append(String.format(Locale.ROOT, " %4s", p.resourceName(k)));
        }
        out.println(head + "  timeline (one mark = " + perChar + (perChar == 1 ? " period)" : " periods)"));
        for (int j = 0; j < p.size(); j++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d %6d %6d", RcpspInstance.job(j),
                    schedule.start(j), schedule.finish(j)));
            for (int k = 0; k < p.resources(); k++) {
                row.append(String.format(Locale.ROOT, " %4d", p.demand(j, k)));
            }
            row.append("  ");
            int from = schedule.start(j) / perChar;
            int to = p.duration(j) == 0 ? from : (schedule.finish(j) - 1) / perChar + 1;
            row.append(" ".repeat(from));
            row.append(p.duration(j) == 0 ? "|" : "#".repeat(to - from));
            out.println(row.toString().stripTrailing());
        }
    }

    /** Timefold logs its progress at INFO; a command's output is its result only. */
    private static void quietSolverLogs() {
        if (org.slf4j.LoggerFactory.getLogger("ai.timefold") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static final class MethodConverter implements CommandLine.ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            for (Method m : Method.values()) {
                if (m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("expected genetic, timefold or sgs, found '" + value + "'");
        }
    }

    /** 500ms, 10s, 1.5s, 2m, 1h, or a plain number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("expected a duration such as 500ms, 10s or 2m, found '"
                        + value + "'");
            }
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = amount * switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 1000;
            };
            if (millis < 1) {
                throw new CommandLine.TypeConversionException("expected a duration of at least 1ms, found '" + value + "'");
            }
            return Duration.ofMillis((long) millis);
        }
    }
}
