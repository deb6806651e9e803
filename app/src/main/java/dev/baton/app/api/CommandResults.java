package dev.baton.app.api;

import dev.baton.engine.CommandResult;
import dev.baton.engine.Rejection;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** How the outcome of a command becomes an HTTP answer; a rejection is a problem detail with the engine's sentence. */
public final class CommandResults {

    private CommandResults() {
    }

    /** The recorded result, or the rejection thrown as a 4xx problem. */
    public static CommandResult.Recorded recorded(CommandResult result) {
        if (result instanceof CommandResult.Rejected r) {
            throw rejected(r.rejection(), r.version());
        }
        return (CommandResult.Recorded) result;
    }

    public static ApiException rejected(Rejection rejection, long currentVersion) {
        HttpStatus status = switch (rejection.code()) {
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case STALE_VERSION -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ApiException problem = new ApiException(status, rejection.code().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                rejection.sentence());
        if (rejection.code() != Rejection.Code.NOT_FOUND) {
            problem.with("currentVersion", currentVersion);
        }
        return problem;
    }

    /** 409: the item moved on since the client read it; the client re-reads and retries on {@code currentVersion}. */
    static ApiException stale(String stream, long expectedVersion, long currentVersion) {
        return new ApiException(HttpStatus.CONFLICT, "stale-version", stream + " is at version " + currentVersion
                + ", not " + expectedVersion + ": someone changed it since you read it. Read it again and retry.")
                .with("currentVersion", currentVersion).with("expectedVersion", expectedVersion);
    }

    static ApiException unknownCommand(String name, List<String> names) {
        return ApiException.notFound("unknown-command", "There is no command '" + name + "'; the commands are "
                + String.join(", ", names));
    }
}
