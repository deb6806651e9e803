package dev.baton.exchange.xes;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.exchange.source.BatonPayloads;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an IEEE 1849 XES log with the standard concept, time, lifecycle and org extensions, one
 * trace per work item, streaming: pm4py and ProM read it as they read any XES file. Each event
 * also keeps its Baton identity ({@code baton:type}, {@code baton:id}, {@code baton:version},
 * {@code baton:data}) so that {@code baton import xes} gives the same events back.
 */
public final class XesWriter implements Closeable {

    static final String NS = "http://www.xes-standard.org/";
    /** XES dates as the standard writes them: milliseconds and an explicit offset. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private final XMLStreamWriter xml;

    public XesWriter(OutputStream out) throws IOException {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("log");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xes.version", "1849-2016");
            xml.writeAttribute("xes.features", "");
            xml.writeAttribute("openxes.version", "2.27");
            extension("Concept", "concept", "http://www.xes-standard.org/concept.xesext");
            extension("Time", "time", "http://www.xes-standard.org/time.xesext");
            extension("Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext");
            extension("Organizational", "org", "http://www.xes-standard.org/org.xesext");
            newline(1);
            xml.writeStartElement("global");
            xml.writeAttribute("scope", "trace");
            attribute(2, "string", "concept:name", "__INVALID__");
            newline(1);
            xml.writeEndElement();
            newline(1);
            xml.writeStartElement("global");
            xml.writeAttribute("scope", "event");
            attribute(2, "string", "concept:name", "__INVALID__");
            attribute(2, "date", "time:timestamp", "1970-01-01T00:00:00.000Z");
            attribute(2, "string", "lifecycle:transition", "complete");
            newline(1);
            xml.writeEndElement();
            newline(1);
            xml.writeEmptyElement("classifier");
            xml.writeAttribute("name", "Activity");
            xml.writeAttribute("keys", "concept:name");
            attribute(1, "string", "concept:name", "Baton event log");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void extension(String name, String prefix, String uri) throws XMLStreamException {
        newline(1);
        xml.writeEmptyElement("extension");
        xml.writeAttribute("name", name);
        xml.writeAttribute("prefix", prefix);
        xml.writeAttribute("uri", uri);
    }

    /** One trace: the events of one work item, in version order. */
    public void trace(String stream, String workType, List<RecordedEvent> events) throws IOException {
        startTrace(stream, workType);
        for (RecordedEvent e : events) {
            event(e);
        }
        endTrace();
    }

    /** Opens a trace; its events follow with {@link #event}, then {@link #endTrace}. */
    public void startTrace(String stream, String workType) throws IOException {
        try {
            newline(1);
            xml.writeStartElement("trace");
            attribute(2, "string", "concept:name", stream);
            if (workType != null) {
                attribute(2, "string", "baton:workType", workType);
            }
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    /**
     * An event as XES writes it, its payload already JSON: what an export puts in order on disk
     * costs no second JSON round trip.
     */
    public record Event(String stream, String activity, Instant at, String actor, String type, String id, long version,
                        String workType, String data) {

        public static Event of(RecordedEvent e) {
            return new Event(e.stream(), BatonPayloads.activity(e.event()), e.at(), e.actor(), e.type(), eventId(e),
                    e.version(), e.workType(), BatonPayloads.json(e.event()));
        }
    }

    /** One event of the open trace. */
    public void event(RecordedEvent e) throws IOException {
        event(Event.of(e));
    }

    public void event(Event e) throws IOException {
        try {
            newline(2);
            xml.writeStartElement("event");
            attribute(3, "string", "concept:name", e.activity());
            attribute(3, "date", "time:timestamp", DATE.format(e.at()));
            attribute(3, "string", "lifecycle:transition", "complete");
            attribute(3, "string", "org:resource", e.actor());
            attribute(3, "string", "baton:type", e.type());
            attribute(3, "string", "baton:id", e.id());
            attribute(3, "int", "baton:version", Long.toString(e.version()));
            if (e.workType() != null) {
                attribute(3, "string", "baton:workType", e.workType());
            }
            attribute(3, "string", "baton:data", e.data());
            newline(2);
            xml.writeEndElement();
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    public void endTrace() throws IOException {
        try {
            newline(1);
            xml.writeEndElement();
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    /** The event's stable id; engine events, which have none, are named by stream and version. */
    public static String eventId(RecordedEvent e) {
        return e.eventId() != null ? e.eventId() : "baton:" + e.stream() + ":" + e.version();
    }

    static String date(Instant at) {
        return DATE.format(at);
    }

    private void attribute(int depth, String kind, String key, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        newline(depth);
        xml.writeEmptyElement(kind);
        xml.writeAttribute("key", key);
        xml.writeAttribute("value", value);
    }

    private static final String[] INDENT = {"\n", "\n  ", "\n    ", "\n      "};

    private void newline(int depth) throws XMLStreamException {
        xml.writeCharacters(INDENT[depth]);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
