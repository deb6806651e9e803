package dev.baton.app.server;

/**
 * Where the server writes what its operator must see once (the admin's one-time password, the
 * address it serves on): the terminal of {@code baton serve}, a log in tests.
 */
@FunctionalInterface
public interface Console {
    void println(String line);
}
