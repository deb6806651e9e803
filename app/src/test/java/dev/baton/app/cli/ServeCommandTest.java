package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** baton serve refuses what cannot work in one line, exit 1, before starting anything. */
class ServeCommandTest {

    @Test
    void aDatabaseUrlThatIsNotPostgresIsRefused() {
        CliRun run = CliRun.of("serve", "--db", "jdbc:mysql://localhost/baton", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("expected --db to be a PostgreSQL JDBC URL").doesNotContain("Exception");
    }

    @Test
    void anUnreachableDatabaseIsReportedInOneLine() {
        CliRun run = CliRun.of("serve", "--db", "jdbc:postgresql://127.0.0.1:1/baton", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/baton")
                .doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aPortInUseIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            CliRun run = CliRun.of("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("port " + taken.getLocalPort() + " is in use");
        }
    }

    @Test
    void anInvalidModelIsReportedWithItsErrorsBeforeStarting() {
        CliRun run = CliRun.of("serve", "--port", "0", "--model", CliRun.example("broken/five-mistakes.yaml"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.contains(": error: "))).hasSize(5);
        assertThat(run.err()).contains("is invalid");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertThat(CliRun.of("serve", "--port", "70000").exitCode()).isEqualTo(2);
    }
}
