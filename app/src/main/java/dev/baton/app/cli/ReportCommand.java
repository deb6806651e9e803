package dev.baton.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code baton report …}: reports written for people from the event log. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports for people, computed from the event log and the model: the weekly status report.",
        subcommands = {WeeklyReportCommand.class})
final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected weekly, found nothing");
    }
}
