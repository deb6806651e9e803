package dev.baton.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code baton experiment …}: A/B test statistics (docs/experiments.md). */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Analyse A/B tests: frequentist, sequential or Bayesian comparisons with SRM and guardrails; "
                + "the SRM check alone; mSPRT on a stream of pairs; sample size and minimum detectable effect.",
        subcommands = {ExperimentAnalyzeCommand.class, ExperimentSrmCommand.class, ExperimentMsprtCommand.class,
                ExperimentPowerCommand.class})
final class ExperimentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "expected analyze, srm, msprt or power, found nothing");
    }
}
