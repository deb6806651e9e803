package dev.baton.insight.conformance;

/** A net and log that cannot be checked as asked, with the reason. */
public final class ConformanceException extends RuntimeException {

    public ConformanceException(String message) {
        super(message);
    }
}
