package dev.baton.app.server;

import java.nio.file.Path;

/**
 * How {@code baton serve} was asked to run.
 *
 * @param port        HTTP port (0: any free port)
 * @param data        the data directory; the embedded PostgreSQL lives in {@code data/pg}
 * @param dbUrl       an external PostgreSQL (null: the embedded one)
 * @param modelFile   a model to store as the current version on start (null: none), already validated
 * @param modelSource that model's text
 * @param jsonLogs    log as JSON lines (Elastic Common Schema), one object per line, console messages too
 */
public record ServerSettings(int port, Path data, String dbUrl, String dbUser, String dbPassword, boolean demo,
                             String modelFile, String modelSource, boolean jsonLogs) {
}
