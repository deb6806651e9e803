package dev.baton.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code baton} command line. {@link #run} is the whole program as a function of its
 * arguments and two writers, so tests call it directly; {@link #main} only exits with its code.
 */
@Command(name = "baton", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Operating model as code for marketing and GTM teams: declare how work flows, "
                + "run work through it, measure orchestration debt.",
        subcommands = {
                ModelCommand.class,
                ImportCommand.class,
                ImportsCommand.class,
                ExportCommand.class,
                SyncCommand.class,
                DiscoverCommand.class,
                AttributeCommand.class,
                FunnelCommand.class,
                ConformanceCommand.class,
                PlanCommand.class,
                AnalyzeCommand.class,
                AssistCommand.class,
                ReportCommand.class,
                MigrateCommand.class,
                SimulateCommand.class,
                ServeCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                ExperimentCommand.class,
                CommandLine.HelpCommand.class})
public final class Baton implements Runnable {

    /** Exit codes shared by every command. */
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CliLogging.toStandardError();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Baton());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("baton: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return USAGE;
        });
        // A bug of ours must still not show a stack trace to a user: one line, and a distinct code.
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            // Input refused under a command that did not expect it (a gzip bomb, text not UTF-8): still exit 1.
            var refused = dev.baton.engine.io.InputRefusedException.in(ex);
            if (refused.isPresent()) {
                c.getErr().println("baton: " + refused.get().getMessage());
                return INVALID;
            }
            c.getErr().println(ex.getCause() instanceof VirtualMachineError e ? vmError(e) : "baton: internal error: " + ex);
            return INTERNAL;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (VirtualMachineError e) {
            // Out of memory (or a stack overflow) escapes picocli: still one line and the internal-error code.
            err.println(vmError(e));
            code = INTERNAL;
        }
        java.util.List<java.nio.file.Path> leftovers = dev.baton.exchange.io.Leftovers.takeRemoved();
        if (!leftovers.isEmpty()) {
            err.println("baton: removed " + leftovers.size() + " temporary file(s) that an interrupted run left behind: "
                    + String.join(", ", leftovers.stream().map(java.nio.file.Path::toString).toList()));
        }
        out.flush();
        err.flush();
        return code;
    }

    /** One line for the JVM running out of memory or stack, saying what a user can do about it. */
    static String vmError(VirtualMachineError e) {
        if (e instanceof OutOfMemoryError) {
            return "baton: internal error: out of memory (the Java heap is at most "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB); give Java more (java -Xmx4g -jar baton.jar …) "
                    + "or read a smaller input";
        }
        if (e instanceof StackOverflowError) {
            return "baton: internal error: the input nests too deeply to read (stack overflow)";
        }
        return "baton: internal error: " + e;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a command (model, discover, simulate, serve), found none");
    }
}
