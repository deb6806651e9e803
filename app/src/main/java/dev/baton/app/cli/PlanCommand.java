package dev.baton.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code baton plan …}: planning. Today only the external check of the scheduling core
 * ({@code baton plan rcpsp FILE.sm}); the quarter roadmap will take this command's own options
 * ({@code baton plan --model M --log L}), which picocli allows beside the subcommand.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Planning. 'baton plan rcpsp FILE.sm' schedules a PSPLIB project (the scheduling core's "
                + "external check); the quarter roadmap (--model, --log) is not there yet.",
        subcommands = {RcpspCommand.class})
final class PlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("baton plan: the quarter roadmap (baton plan --model M --log L) is not "
                + "there yet; 'baton plan rcpsp FILE.sm' schedules a PSPLIB project");
        return Baton.USAGE;
    }
}
