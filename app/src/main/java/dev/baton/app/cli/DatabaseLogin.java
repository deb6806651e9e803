package dev.baton.app.cli;

import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/** How the commands that take {@code --db} sign in to an external PostgreSQL. */
final class DatabaseLogin {

    @Option(names = "--db-user", description = "User for --db.")
    String user;

    @Option(names = "--db-password", description = "Password for --db (or set BATON_DB_PASSWORD).")
    String password;

    /** What a {@code --db} must look like; the sentence says so when it does not. */
    static boolean isJdbcUrl(String db, java.io.PrintWriter err) {
        if (db.startsWith("jdbc:postgresql:")) {
            return true;
        }
        err.println("baton: expected --db to be a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/baton, "
                + "found '" + db + "'");
        return false;
    }

    /** The external PostgreSQL at {@code url}, signed in as given. */
    PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        if (user != null) {
            source.setUser(user);
        }
        if (password() != null) {
            source.setPassword(password());
        }
        return source;
    }

    /** The password given, else the environment's, so that it need not stand in a shell's history. */
    String password() {
        return password != null ? password : System.getenv("BATON_DB_PASSWORD");
    }
}
