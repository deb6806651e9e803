package dev.baton.app.cli;

import dev.baton.app.server.BatonServer;
import dev.baton.app.server.ServerSettings;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton serve}: the REST API on an event store in PostgreSQL, embedded by default. Spring
 * starts only here, so every other command stays fast. Mistakes a user can make (a busy port, a
 * bad database URL, an invalid model) are found before anything starts and reported in one line.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Baton server: the REST API (/api/v1, docs at /api/docs) on an event store in "
                + "PostgreSQL. Without --db, a PostgreSQL embedded in the jar keeps its files in --data.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:could not start (port in use, database unreachable, invalid model)",
                "2:usage error"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", defaultValue = "baton-data", paramLabel = "DIR",
            description = "Where the embedded PostgreSQL keeps its files (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "An external PostgreSQL instead of the embedded one: "
            + "jdbc:postgresql://HOST[:PORT]/DATABASE.")
    String db;

    @Mixin
    DatabaseLogin login = new DatabaseLogin();

    @Option(names = "--demo", description = "Load the B2B SaaS example model and create the demo users of docs/demo.md.")
    boolean demo;

    @Option(names = "--model", paramLabel = "FILE", description = "Store this model as the current version on start "
            + "(when it differs from the stored one).")
    Path model;

    enum LogFormat { text, json }

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON object per line (Elastic Common Schema), for log "
                    + "collectors; the property logging.structured.format.console=ecs|logstash does the same.")
    LogFormat logFormat;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "expected --port between 0 and 65535, found " + port);
        }
        if (db != null && !DatabaseLogin.isJdbcUrl(db, err)) {
            return Baton.INVALID;
        }
        if (port != 0 && !free(port)) {
            err.println("baton: port " + port + " is in use; stop what runs there or choose another with --port");
            return Baton.INVALID;
        }
        String modelSource = null;
        if (model != null) {
            ValidationReport report = ModelValidation.validate(model);
            if (!report.valid()) {
                report.errors().forEach(p -> err.println(p.format(report.file())));
                err.println("baton: " + report.file() + " is invalid; fix the errors above or start without --model");
                return Baton.INVALID;
            }
            try {
                modelSource = java.nio.file.Files.readString(model);
            } catch (IOException e) {
                err.println("baton: cannot read " + model + ": " + e.getMessage());
                return Baton.INVALID;
            }
        }
        String password = login.password();
        ServerSettings settings = new ServerSettings(port, data.toAbsolutePath().normalize(), db, login.user, password,
                demo, model == null ? null : model.toString(), modelSource, logFormat == LogFormat.json);
        if (settings.jsonLogs()) {
            return BatonServer.run(settings, JsonConsole.of(out, "INFO"), JsonConsole.of(err, "ERROR")) ? Baton.OK
                    : Baton.INVALID;
        }
        return BatonServer.run(settings, out::println, err::println) ? Baton.OK : Baton.INVALID;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
