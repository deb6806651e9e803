package dev.baton.exchange.xes;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.exchange.source.BatonPayloads;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an IEEE 1849 XES log with the standard concept, time, lifecycle and org extensions, one
 * trace per work item or intake request, streaming: pm4py and ProM read it as they read any XES
 * file. An event's activity ({@code concept:name}) is the stage entered, or the event type for
 * the events that enter none; its resource ({@code org:resource}) the actor and, when the model
 * is known, its group ({@code org:group}) the actor's function. Everything else travels as plain
 * attributes ({@link EventAttributes}: {@code baton:kind}, {@code baton:type}, {@code baton:to},
 * {@code baton:owner}, …), typed as XES types them, so that another tool filters on
 * {@code baton:kind} = {@code stage} to keep only the stage changes and {@code baton import xes}
 * or {@code baton analyze} gives the same events back.
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

    /** What a trace is, as its {@code baton:caseType}: the two kinds of stream in a log. */
    public static final String CASE_TYPE = "baton:caseType";
    public static final String ITEM = "work item";
    public static final String REQUEST = "intake request";

    /** One trace: the events of one work item, in version order. */
    public void trace(String stream, String workType, List<RecordedEvent> events) throws IOException {
        startTrace(stream, workType, !events.isEmpty() && EventAttributes.isIntake(events.get(0).event()));
        for (RecordedEvent e : events) {
            event(e);
        }
        endTrace();
    }

    /** Opens a trace; its events follow with {@link #event}, then {@link #endTrace}. */
    public void startTrace(String stream, String workType, boolean request) throws IOException {
        try {
            newline(1);
            xml.writeStartElement("trace");
            attribute(2, "string", "concept:name", stream);
            attribute(2, "string", CASE_TYPE, request ? REQUEST : ITEM);
            if (workType != null) {
                attribute(2, "string", EventAttributes.WORK_TYPE, workType);
            }
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }

    /**
     * An event as XES writes it: what an export puts in order on disk.
     *
     * @param group      the actor's function, or null when unknown
     * @param attributes the event's {@link EventAttributes}
     */
    public record Event(String stream, String activity, Instant at, String actor, String group,
                        Map<String, Object> attributes) {

        public static Event of(RecordedEvent e, String group) {
            return new Event(e.stream(), BatonPayloads.activity(e.event()), e.at(), e.actor(), group,
                    EventAttributes.of(e));
        }

        /** Whether the event belongs to an intake request. */
        public boolean request() {
            return EventAttributes.INTAKE.equals(attributes.get(EventAttributes.KIND));
        }
    }

    /** One event of the open trace. */
    public void event(RecordedEvent e) throws IOException {
        event(Event.of(e, null));
    }

    public void event(Event e) throws IOException {
        try {
            newline(2);
            xml.writeStartElement("event");
            attribute(3, "string", "concept:name", e.activity());
            attribute(3, "date", "time:timestamp", DATE.format(e.at()));
            attribute(3, "string", "lifecycle:transition", "complete");
            attribute(3, "string", "org:resource", e.actor());
            attribute(3, "string", "org:group", e.group());
            for (var a : e.attributes().entrySet()) {
                Object value = a.getValue();
                String kind = value instanceof Boolean ? "boolean" : value instanceof Double ? "float"
                        : value instanceof Number ? "int" : "string";
                attribute(3, kind, a.getKey(), String.valueOf(value));
            }
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
        return EventAttributes.id(e);
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
