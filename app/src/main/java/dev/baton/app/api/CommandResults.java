package dev.baton.app.api;

import org.springframework.http.HttpStatus;

/** How the outcome of a command on a stream becomes an HTTP answer. */
final class CommandResults {

    private CommandResults() {
    }

    /** 409: the item moved on since the client read it; the client re-reads and retries on {@code currentVersion}. */
    static ApiException stale(String stream, long expectedVersion, long currentVersion) {
        return new ApiException(HttpStatus.CONFLICT, "stale-version", stream + " is at version " + currentVersion
                + ", not " + expectedVersion + ": someone changed it since you read it. Read it again and retry.")
                .with("currentVersion", currentVersion).with("expectedVersion", expectedVersion);
    }
}
