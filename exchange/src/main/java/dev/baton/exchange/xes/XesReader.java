package dev.baton.exchange.xes;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.io.Xml;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.exchange.source.BatonPayloads;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.source.Times;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An IEEE 1849 XES log (any tool's, or Baton's own export), streamed trace by trace with DTDs and
 * external entities switched off. A trace is a work item; its first event creates it in that
 * activity, each later one enters the next activity ({@code concept:name}) at
 * {@code time:timestamp} by {@code org:resource}. Only {@code complete} lifecycle transitions (or
 * events without one) are stages entered; others are counted in a note. Events Baton exported
 * (with {@code baton:type} and their plain {@link EventAttributes}, or the {@code baton:data}
 * JSON of older exports) come back as they were.
 *
 * <p>Change ids: the event's {@code baton:id} or {@code identity:id}, else
 * {@code xes:<trace>:<index>}, stable for the same file.
 */
public final class XesReader implements SourceReader {

    public static final String KIND = "xes";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "an XES log (<log> with <trace> elements holding <event> elements with concept:name and time:timestamp)";
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        XMLStreamReader xml = null;
        try {
            xml = Xml.open(in);
            int depth = 0;
            boolean sawLog = false;
            Map<String, String> traceAttributes = null;
            Map<String, String> eventAttributes = null;
            TraceState trace = null;
            while (xml.hasNext()) {
                int token = xml.next();
                if (token == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (depth == 1) {
                        if (!name.equals("log")) {
                            throw new SourceFormatException(where(xml), "expected " + expectedShape() + ", found <" + name + ">");
                        }
                        sawLog = true;
                    } else if (depth == 2 && name.equals("trace")) {
                        traceAttributes = new HashMap<>();
                        trace = null;
                    } else if (depth == 3 && name.equals("event") && traceAttributes != null) {
                        eventAttributes = new HashMap<>();
                        if (trace == null) {
                            trace = new TraceState(traceAttributes);
                        }
                    } else if (depth == 3 && traceAttributes != null && eventAttributes == null) {
                        attribute(xml, traceAttributes);
                    } else if (depth == 4 && eventAttributes != null) {
                        attribute(xml, eventAttributes);
                    }
                } else if (token == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (depth == 3 && name.equals("event") && eventAttributes != null) {
                        event(trace, eventAttributes, where(xml), sink);
                        eventAttributes = null;
                    } else if (depth == 2 && name.equals("trace")) {
                        traceAttributes = null;
                    }
                    depth--;
                }
            }
            if (!sawLog) {
                throw new SourceFormatException("line 1, column 1", "expected " + expectedShape() + ", found no <log>");
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber();
            throw new SourceFormatException(where, Xml.problem(e, "XES"), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // closing a broken reader: the error above says what went wrong
                }
            }
        }
    }

    /** A typed attribute ({@code <string key value/>}, {@code <date …/>}, …) as text under its key. */
    private static void attribute(XMLStreamReader xml, Map<String, String> into) {
        String key = xml.getAttributeValue(null, "key");
        String value = xml.getAttributeValue(null, "value");
        if (key != null && value != null) {
            into.putIfAbsent(key, value);
        }
    }

    private static final class TraceState {
        final String name;
        final Map<String, String> attributes;
        int index;
        String activity;

        TraceState(Map<String, String> attributes) {
            this.attributes = attributes;
            this.name = attributes.get("concept:name");
        }
    }

    private static void event(TraceState trace, Map<String, String> a, String where, SourceSink sink) {
        if (trace.name == null) {
            throw new SourceFormatException(where, "expected a trace with a concept:name, found one without");
        }
        int index = trace.index++;
        String at = a.get("time:timestamp");
        Instant time = Times.parse(at).orElseThrow(() -> new SourceFormatException(where,
                "expected time:timestamp on event " + (index + 1) + " of trace " + trace.name + ", found "
                        + (at == null ? "none" : "'" + at + "'")));
        String actor = a.get("org:resource");
        String id = a.getOrDefault("baton:id", a.getOrDefault("identity:id", "xes:" + trace.name + ":" + index));
        String type = a.get(EventAttributes.TYPE);
        String data = a.get("baton:data");
        if (type != null && data == null) {
            BatonEvent event;
            try {
                event = EventAttributes.payload(type, a);
            } catch (IllegalArgumentException e) {
                throw new SourceFormatException(where, "event " + (index + 1) + " of trace " + trace.name + ": "
                        + e.getMessage());
            }
            String workType = a.getOrDefault(EventAttributes.WORK_TYPE, trace.attributes.get(EventAttributes.WORK_TYPE));
            sink.change(SourceChange.recorded(new SourceItem(trace.name, workType, null, List.of(), null), id, time,
                    actor, event));
            return;
        }
        if (type != null) {
            BatonEvent event;
            try {
                event = BatonPayloads.event(type, data);
            } catch (IllegalArgumentException e) {
                throw new SourceFormatException(where, e.getMessage());
            }
            String workType = a.getOrDefault("baton:workType", trace.attributes.get("baton:workType"));
            sink.change(SourceChange.recorded(new SourceItem(trace.name, workType, null, List.of(), null), id, time,
                    actor, event));
            return;
        }
        String lifecycle = a.get("lifecycle:transition");
        if (lifecycle != null && !lifecycle.toLowerCase(Locale.ROOT).equals("complete")) {
            sink.note("xes-lifecycle", "events with a lifecycle other than complete are not stages entered (not imported)");
            return;
        }
        String activity = a.get("concept:name");
        if (activity == null) {
            throw new SourceFormatException(where, "expected concept:name on event " + (index + 1) + " of trace "
                    + trace.name + ", found none");
        }
        TreeSet<String> extra = new TreeSet<>(a.keySet());
        extra.removeAll(List.of("concept:name", "time:timestamp", "org:resource", "lifecycle:transition", "identity:id"));
        if (!extra.isEmpty()) {
            sink.note("xes-attributes", "event attributes other than activity, time and resource are not imported: "
                    + String.join(", ", extra));
        }
        SourceItem item = new SourceItem(trace.name, trace.attributes.get("baton:workType"), null, List.of(), null);
        if (trace.activity == null) {
            sink.change(new SourceChange(item, id, time, actor, ChangeKind.CREATED, "concept:name", null, activity));
        } else {
            sink.change(new SourceChange(item, id, time, actor, ChangeKind.STATUS, "concept:name", trace.activity, activity));
        }
        trace.activity = activity;
    }

    private static String where(XMLStreamReader xml) {
        return xml.getLocation() == null ? "" : "line " + xml.getLocation().getLineNumber() + ", column "
                + xml.getLocation().getColumnNumber();
    }
}
