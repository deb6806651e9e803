package dev.baton.exchange.source;

/** Where a reader hands what it finds: the changes, and notes about what the export lacks. */
public interface SourceSink {

    void change(SourceChange change);

    /**
     * Something the user should know about the export, e.g. an issue whose changelog was cut off
     * by the API's page size. Notes with the same {@code code} are counted together.
     */
    default void note(String code, String message) {
    }
}
