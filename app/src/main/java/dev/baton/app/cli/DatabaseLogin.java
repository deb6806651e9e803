package dev.baton.app.cli;

import picocli.CommandLine.Option;

/** How the commands that take {@code --db} sign in to an external PostgreSQL. */
final class DatabaseLogin {

    @Option(names = "--db-user", description = "User for --db.")
    String user;

    @Option(names = "--db-password", description = "Password for --db (or set BATON_DB_PASSWORD).")
    String password;

    /** The password given, else the environment's, so that it need not stand in a shell's history. */
    String password() {
        return password != null ? password : System.getenv("BATON_DB_PASSWORD");
    }
}
