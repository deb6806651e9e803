package dev.baton.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code baton assist …}: assistants that make drafts, gated by AI readiness, and their ledger (docs/assist.md). */
@Command(name = "assist", mixinStandardHelpOptions = true,
        description = "Assistants that make drafts a person takes, edits or discards: offered only where the work is "
                + "ready for AI, offline by default, and measured by the leverage ledger.",
        subcommands = {AssistDraftCommand.class, AssistSimilarCommand.class, AssistSummaryCommand.class,
                AssistLedgerCommand.class, AssistVariantsCommand.class})
final class AssistCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected draft, similar, summary, ledger or variants, found nothing");
    }
}
