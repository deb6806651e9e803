package dev.baton.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code baton model …}: work with an operating-model file. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Validate, show or compare operating models (YAML, apiVersion baton/v1).",
        subcommands = {ValidateCommand.class, ShowCommand.class, DiffCommand.class})
final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected validate, show or diff, found nothing");
    }
}
