package dev.baton.app.cli;

import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.sync.JiraClient;
import dev.baton.exchange.sync.JiraSync;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baton sync jira …}: what changed in Jira since the last run, into the event log. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Pull changes from a tool into the event log incrementally.",
        subcommands = {SyncCommand.Jira.class})
final class SyncCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected jira, found nothing");
    }

    @Command(name = "jira", mixinStandardHelpOptions = true,
            description = "Pull the issues of a JQL query updated since the last sync (with their changelogs) "
                    + "through Jira's REST API; retries on 429 (Retry-After), 5xx and dropped connections; an "
                    + "interrupted sync resumes where it stopped.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:synced", "1:Jira refused, gave up after retries, or the mapping is invalid", "2:usage error"})
    static final class Jira implements Callable<Integer> {

        @Option(names = "--url", required = true, paramLabel = "URL", description = "Jira's base URL, e.g. https://acme.atlassian.net")
        URI url;

        @Option(names = "--jql", required = true, paramLabel = "QUERY", description = "Which issues, e.g. 'project = MKT'.")
        String jql;

        @Option(names = "--token-env", required = true, paramLabel = "VAR", description = "The environment variable "
                + "holding the token: email:api-token (Jira Cloud) or a personal access token (Server, Data Center).")
        String tokenEnv;

        @Option(names = "--out", required = true, paramLabel = "LOG.jsonl", description = "The event log to append to.")
        Path out;

        @Option(names = "--state", paramLabel = "FILE", description = "Where the cursor is kept (default: LOG.jsonl.jira-sync.json).")
        Path state;

        @Option(names = "--mapping", paramLabel = "MAP.yaml", description = "As for baton import.")
        Path mappingFile;

        @Option(names = "--model", paramLabel = "MODEL.yaml", description = "As for baton import.")
        Path modelFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** The environment, replaceable in tests. */
        static java.util.function.Function<String, String> environment = System::getenv;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String token = environment.apply(tokenEnv);
            if (token == null || token.isBlank()) {
                err.println("baton: expected the Jira token in the environment variable " + tokenEnv + ", found it "
                        + (token == null ? "unset" : "empty"));
                return Baton.INVALID;
            }
            if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "expected --url http(s)://…, found '" + url + "'");
            }
            MappingAndModel options = MappingAndModel.read(mappingFile, modelFile, err);
            if (options == null) {
                return Baton.INVALID;
            }
            try {
                Path stateFile = state != null ? state : out.resolveSibling(out.getFileName() + ".jira-sync.json");
                JiraClient client = new JiraClient(url, token, d -> Thread.sleep(d.toMillis()));
                JiraSync.Result result = JiraSync.run(client, jql, stateFile, out, options.mapping(), options.model(),
                        TerminalProgress.on(err, "importing"));
                long written = result.report() == null ? 0 : result.report().eventsWritten();
                stdout.println((result.resumed() ? "Resumed and synced " : "Synced ") + result.issues() + " issues in "
                        + result.pages() + " pages from " + url + ": " + written + " new events into " + out
                        + (result.retries() > 0 ? " (" + result.retries() + " retries)" : "") + "; cursor "
                        + (result.cursor() == null ? "unset" : result.cursor()) + ".");
                if (result.report() != null) {
                    result.report().oddities().forEach(o -> stdout.println("  warning: " + o.message()));
                }
                return Baton.OK;
            } catch (JiraClient.SyncFailure e) {
                err.println("baton: " + e.getMessage());
                err.println("baton: nothing was imported; the next 'baton sync jira' resumes where this one stopped");
                return Baton.INVALID;
            } catch (SourceFormatException e) {
                err.println("baton: " + url + ": " + e.describe());
                return Baton.INVALID;
            } catch (IOException e) {
                err.println("baton: " + e.getMessage());
                return Baton.INVALID;
            }
        }
    }
}
