package dev.baton.exchange.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one kind of export and hands every change to {@code sink}, item by item and, within an
 * item, oldest first (creation first). Every reader streams: it reads one element at a time, and
 * where the format lists changes out of an item's time order (newest first, or items mixed) it
 * puts them in order through a {@link dev.baton.exchange.io.SpillSort}, whose memory is bounded.
 */
public interface SourceReader {

    /** The import kind, e.g. {@code jira-json}. */
    String kind();

    /** What a file of this kind looks like, for the message when a file of another kind is given. */
    String expectedShape();

    /**
     * @throws SourceFormatException when the file is not of this kind or breaks off; the message
     *                               says where
     */
    void read(InputStream in, SourceSink sink) throws IOException;
}
