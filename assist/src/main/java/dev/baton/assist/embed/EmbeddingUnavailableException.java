package dev.baton.assist.embed;

/** The embedding model could not be loaded or run here (its native libraries, its cache directory). */
public final class EmbeddingUnavailableException extends RuntimeException {

    public EmbeddingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
