package dev.baton.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the CLI as a function: exit code, what it printed, what it complained about. */
record CliRun(int exitCode, String out, String err) {

    /** The repository root: tests run in the module folder. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Baton.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    static String example(String name) {
        return ROOT.resolve("examples").resolve(name).toString();
    }
}
