package dev.baton.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --out} option of the commands that write a report: to standard output, or to a file. */
final class ReportOut {

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path out;

    /**
     * Whether the report can be written where asked; checked before any work, so that a long
     * analysis does not end in "no such directory". Says why not on {@code err} (exit 1).
     */
    boolean writable(PrintWriter err) {
        if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            err.println(out + ": error: cannot write the report, no such directory");
            return false;
        }
        return true;
    }

    /** Writes the report; to a file, with one line on standard error saying where ("baton analyze: wrote the html report to …"). */
    void write(String text, String format, CommandLine command) throws IOException {
        if (out == null) {
            command.getOut().print(text);
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": wrote the " + format + " report to " + out);
        }
    }
}
