package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.weekly.Audience;
import dev.baton.insight.weekly.Week;
import dev.baton.insight.weekly.WeeklyAnalysis;
import dev.baton.insight.weekly.WeeklyReport;
import dev.baton.insight.weekly.WeeklyReportHtml;
import dev.baton.insight.weekly.WeeklyReportJson;
import dev.baton.insight.weekly.WeeklyReportMarkdown;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton report weekly --model M --log L [--team T | --person P | --initiative ID]
 * [--week 2026-W49] [--zone ZONE] [--format markdown|html|json] [--out FILE]}: one week's status
 * report from the event log (docs/weekly-report.md).
 */
@Command(name = "weekly", mixinStandardHelpOptions = true,
        description = "The weekly status report: completed, moved, blocked, SLAs breached or about to be, decisions "
                + "made and waiting, handoffs rejected and the debt change, for everyone, a team, a person or an initiative.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:invalid model or log, unknown initiative", "2:usage error (unknown team "
                + "or person, a week or zone not understood)"})
final class WeeklyReportCommand implements Callable<Integer> {

    enum Format { markdown, html, json }

    @Option(names = "--model", required = true, paramLabel = "MODEL.yaml", description = "The operating model.")
    Path model;

    @Mixin
    LogOptions logOptions = new LogOptions();

    /** At most one of them: the report is about everyone without any. */
    static final class For {
        @Option(names = "--team", paramLabel = "TEAM", description = "Only the work of this team of the model.")
        String team;

        @Option(names = "--person", paramLabel = "PERSON", description = "Only the work of this person of the model.")
        String person;

        @Option(names = "--initiative", paramLabel = "ITEM", description = "Only this item and the items under it.")
        String initiative;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    For audience = new For();

    @Option(names = "--week", paramLabel = "YYYY-Www", description = "The ISO week, like 2026-W49 (default: the last "
            + "complete week of the log).")
    String week;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", description = "The time zone whose Monday 00:00 "
            + "starts the week, like Europe/Berlin (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--format", defaultValue = "markdown", description = "markdown, html or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--base-url", paramLabel = "URL", description = "The web app's address, for links to item pages "
            + "(https://baton.example.com); Markdown names items without links when not given, HTML links /items/ID.")
    String baseUrl;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "15", description = "Markdown: at most N lines per "
            + "section, then how many more (0: every line; default: ${DEFAULT-VALUE}). HTML and JSON list every line.")
    int lines;

    @Mixin
    ReportOut out = new ReportOut();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (lines < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --lines of 0 or more, found " + lines);
        }
        ZoneId zoneId = zone();
        Week chosen = week == null ? null : usage(() -> Week.parse(week, zoneId));
        ValidationReport validation = ValidModel.read(model, err);
        if (validation == null) {
            return Baton.INVALID;
        }
        OperatingModel operatingModel = validation.model();
        Audience who = usage(() -> audience(operatingModel));
        if (!logOptions.isFile(err) || !out.writable(err)) {
            return Baton.INVALID;
        }
        Path log = logOptions.log;
        WeeklyReport report;
        try {
            DebtAnalysis.EventSource events = logOptions.events(operatingModel);
            if (chosen == null) {
                Optional<Week> last = WeeklyAnalysis.lastCompleteWeek(events, zoneId);
                if (last.isEmpty()) {
                    logOptions.noWorkItems(err, "");
                    return Baton.INVALID;
                }
                chosen = last.get();
            }
            report = WeeklyAnalysis.report(operatingModel, validation.warnings(), log.getFileName().toString(), events,
                    who, chosen);
        } catch (WeeklyAnalysis.UnknownInitiative e) {
            err.println(log + ": error: " + e.getMessage());
            return Baton.INVALID;
        } catch (IOException | RuntimeException e) {
            if (!logOptions.explain(e, err)) {
                throw e;
            }
            return Baton.INVALID;
        }
        String text = switch (format) {
            case markdown -> WeeklyReportMarkdown.render(report, baseUrl, lines);
            case html -> WeeklyReportHtml.render(report, baseUrl);
            case json -> Json.write(WeeklyReportJson.toMap(report)) + "\n";
        };
        out.write(text, format.name(), spec.commandLine());
        return Baton.OK;
    }

    private Audience audience(OperatingModel model) {
        if (audience == null) {
            return Audience.EVERYONE;
        }
        if (audience.team != null) {
            return Audience.team(model, audience.team);
        }
        if (audience.person != null) {
            return Audience.person(model, audience.person);
        }
        return audience.initiative != null ? Audience.initiative(audience.initiative) : Audience.EVERYONE;
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --zone to be a time zone like UTC or "
                    + "Europe/Berlin, found '" + zone + "'");
        }
    }

    /** What a person typed, read by {@code reading}; a usage error (exit 2) saying what was expected when it fails. */
    private <T> T usage(java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
