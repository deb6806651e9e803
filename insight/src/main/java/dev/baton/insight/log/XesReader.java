package dev.baton.insight.log;

import dev.baton.engine.io.Xml;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.engine.time.Timestamps;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XES (IEEE 1849) with a streaming parser that neither reads DTDs nor resolves external
 * entities. A trace is a case (named by its {@code concept:name}); an event's activity is its
 * {@code concept:name}, its time {@code time:timestamp}, its resource {@code org:resource}; every
 * other attribute of an event or a trace is kept as text, a trace's {@code baton:workType} also
 * as the case's {@code work_type}. Nested attributes are skipped. Events stay in document order,
 * as pm4py keeps them. An event whose {@code baton:kind} is not {@code stage} is kept only when
 * the options ask for every kind.
 */
final class XesReader {

    private static final String NAME = "concept:name";
    private static final String TIME = "time:timestamp";
    private static final String RESOURCE = "org:resource";
    static final String LIFECYCLE = "lifecycle:transition";

    private final String file;
    private final ReadOptions options;

    XesReader(String file, ReadOptions options) {
        this.file = file;
        this.options = options;
    }

    EventLog read(InputStream in) {
        EventLogBuilder log = EventLog.builder(file);
        XMLStreamReader xml = null;
        try {
            xml = Xml.open(in);
            new Parse(xml, log).run();
        } catch (XMLStreamException e) {
            Location where = e.getLocation();
            throw new LogFormatException(file, where == null || where.getLineNumber() < 0 ? 0 : where.getLineNumber(),
                    where == null || where.getColumnNumber() < 0 ? 0 : where.getColumnNumber(), Xml.problem(e, "XES"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing after an error changes nothing for the caller
                }
            }
        }
        if (log.caseCount() == 0) {
            throw new LogFormatException(file, 0, 0, "expected an XES log with <trace> elements, found none");
        }
        return log.build(false);
    }

    /** One pass over the document. */
    private final class Parse {
        private final XMLStreamReader xml;
        private final EventLogBuilder log;
        private boolean sawLog;
        private int traceNumber;
        private int currentCase = -1;
        // the event being read
        private boolean inEvent;
        private String activity;
        private long time;
        private String resource;
        private String lifecycle;
        private String kind;
        private final List<String> extra = new ArrayList<>();
        private int eventLine;
        private int eventColumn;

        Parse(XMLStreamReader xml, EventLogBuilder log) {
            this.xml = xml;
            this.log = log;
        }

        void run() throws XMLStreamException {
            // depth of elements inside the current trace or event whose children are nested attributes
            int skipDepth = 0;
            while (xml.hasNext()) {
                int kind = xml.next();
                if (kind == XMLStreamConstants.START_ELEMENT) {
                    String tag = xml.getLocalName();
                    if (skipDepth > 0) {
                        skipDepth++;
                        continue;
                    }
                    if (!sawLog) {
                        if (!tag.equals("log")) {
                            fail("expected the root element <log>, found <" + tag + ">");
                        }
                        sawLog = true;
                    } else if (tag.equals("trace")) {
                        traceNumber++;
                        currentCase = log.newCase("trace " + traceNumber);
                    } else if (tag.equals("event") && currentCase >= 0) {
                        startEvent();
                    } else if (isAttribute(tag) && (inEvent || currentCase >= 0)) {
                        attribute(tag);
                        skipDepth = 1;
                    } else if (!tag.equals("event")) {
                        skipDepth = 1; // log-level attributes, globals, classifiers, extensions
                    } else {
                        skipDepth = 1; // an event outside any trace belongs to no case
                    }
                } else if (kind == XMLStreamConstants.END_ELEMENT) {
                    if (skipDepth > 0) {
                        skipDepth--;
                        continue;
                    }
                    String tag = xml.getLocalName();
                    if (tag.equals("event") && inEvent) {
                        endEvent();
                    } else if (tag.equals("trace")) {
                        currentCase = -1;
                    }
                }
            }
            if (!sawLog) {
                throw new LogFormatException(file, 0, 0, "expected an XES document with a <log> element, found none");
            }
        }

        private boolean isAttribute(String tag) {
            return switch (tag) {
                case "string", "date", "int", "float", "boolean", "id", "list", "container" -> true;
                default -> false;
            };
        }

        private void startEvent() {
            inEvent = true;
            activity = null;
            time = EventLog.NO_TIME;
            resource = null;
            lifecycle = null;
            kind = null;
            extra.clear();
            eventLine = xml.getLocation().getLineNumber();
            eventColumn = xml.getLocation().getColumnNumber();
        }

        private void attribute(String tag) {
            String key = xml.getAttributeValue(null, "key");
            String value = xml.getAttributeValue(null, "value");
            if (key == null) {
                fail("expected a key on <" + tag + ">, found none");
            }
            if (tag.equals("list") || tag.equals("container")) {
                return;
            }
            if (value == null) {
                fail("expected a value on <" + tag + " key=\"" + key + "\">, found none");
            }
            if (!inEvent) {
                if (key.equals(NAME)) {
                    log.renameCase(currentCase, value);
                } else {
                    if (key.equals(EventAttributes.WORK_TYPE)) {
                        log.caseAttribute(currentCase, JsonlReader.WORK_TYPE, value);
                    }
                    log.caseAttribute(currentCase, key, value);
                }
                return;
            }
            switch (key) {
                case NAME -> activity = value;
                case TIME -> {
                    try {
                        time = Timestamps.parse(value);
                    } catch (IllegalArgumentException e) {
                        fail("time:timestamp: " + e.getMessage());
                    }
                }
                case RESOURCE -> resource = value;
                default -> {
                    if (key.equals(LIFECYCLE)) {
                        lifecycle = value;
                    } else if (key.equals(EventAttributes.KIND)) {
                        kind = value;
                    }
                    extra.add(key);
                    extra.add(value);
                }
            }
        }

        private void endEvent() {
            inEvent = false;
            if (activity == null) {
                throw new LogFormatException(file, eventLine, eventColumn,
                        "expected the event to have a concept:name (its activity), found none");
            }
            if (!options.keeps(lifecycle) || !options.keepsKind(kind)) {
                return;
            }
            log.event(currentCase, activity, time, resource);
            for (int i = 0; i < extra.size(); i += 2) {
                log.attribute(extra.get(i), extra.get(i + 1));
            }
        }

        private void fail(String problem) {
            Location where = xml.getLocation();
            throw new LogFormatException(file, where.getLineNumber(), where.getColumnNumber(), problem);
        }
    }
}
