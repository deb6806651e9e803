package dev.baton.assist.provider;

/** A draft that could not be made, and why, in one sentence; nothing of it is kept. */
public final class ProviderException extends Exception {

    /** What went wrong: the usage log records it as {@link #id()}. */
    public enum Failure {
        TIMEOUT("timeout"), RATE_LIMITED("rate-limited"), MALFORMED("malformed"), OUT_OF_BUDGET("out-of-budget"),
        UNAVAILABLE("unavailable"), NOT_CONFIGURED("not-configured");

        private final String id;

        Failure(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Failure failure;

    public ProviderException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public ProviderException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
