package dev.baton.insight.pnml;

import dev.baton.engine.io.InputRefusedException;
import dev.baton.engine.io.Xml;
import dev.baton.model.flow.FlowNet;
import dev.baton.model.flow.FlowNetBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Petri net from PNML (the place/transition nets pm4py, ProM and others export) into a
 * {@link FlowNet}: places with their initial marking, transitions labelled by their name (silent
 * when the name is missing or empty, or when a tool-specific element says
 * {@code activity="$invisible$"}), arcs, and the final marking from {@code <finalmarkings>}. Without
 * declared markings the one place without input arcs starts with a token and the one without
 * output arcs ends with one. Only the first {@code <net>} is read, pages flattened; DTDs and
 * external entities are off.
 */
public final class Pnml {

    private Pnml() {
    }

    /** @throws PnmlException saying what and where when the file is missing or not a usable net */
    public static FlowNet read(Path file) {
        String name = String.valueOf(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new PnmlException(name, 0, 0, "no such file");
        } catch (IOException e) {
            throw new PnmlException(name, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    public static FlowNet read(InputStream in, String name) {
        XMLStreamReader xml = null;
        try {
            xml = Xml.open(in);
            return new Parse(xml, name).run();
        } catch (XMLStreamException e) {
            Location where = e.getLocation();
            throw new PnmlException(name, where == null || where.getLineNumber() < 0 ? 0 : where.getLineNumber(),
                    where == null || where.getColumnNumber() < 0 ? 0 : where.getColumnNumber(), Xml.problem(e, "PNML"));
        } catch (IOException e) {
            throw new PnmlException(name, 0, 0, e instanceof InputRefusedException ? e.getMessage()
                    : "cannot read: " + e.getMessage());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to say than the first error
                }
            }
        }
    }

    private record Arc(String source, String target, int line, int column) {
    }

    private static final class Parse {
        private final XMLStreamReader xml;
        private final String file;
        private final Deque<String> path = new ArrayDeque<>();
        private final Map<String, Integer> initial = new LinkedHashMap<>();
        private final Map<String, Integer> fin = new LinkedHashMap<>();
        private final List<String> places = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, Boolean> invisible = new LinkedHashMap<>();
        private final List<Arc> arcs = new ArrayList<>();
        private String netName;
        private int nets;
        private String place;
        private String transition;
        private String finalPlace;
        private final StringBuilder text = new StringBuilder();

        Parse(XMLStreamReader xml, String file) {
            this.xml = xml;
            this.file = file;
        }

        FlowNet run() throws XMLStreamException {
            while (xml.hasNext()) {
                int kind = xml.next();
                if (kind == XMLStreamConstants.START_ELEMENT) {
                    start(xml.getLocalName());
                } else if (kind == XMLStreamConstants.CHARACTERS || kind == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (kind == XMLStreamConstants.END_ELEMENT) {
                    end(xml.getLocalName());
                }
            }
            if (nets == 0) {
                throw new PnmlException(file, 0, 0, "expected a <net> element, found none");
            }
            return build();
        }

        private void start(String tag) {
            text.setLength(0);
            if (tag.equals("net")) {
                nets++;
                netName = xml.getAttributeValue(null, "id");
            }
            path.push(tag);
            if (nets != 1 || !inFirstNet()) {
                return;
            }
            switch (tag) {
                case "place" -> {
                    if (path.contains("finalmarkings")) {
                        finalPlace = required("idref");
                    } else {
                        place = required("id");
                        places.add(place);
                    }
                }
                case "transition" -> {
                    transition = required("id");
                    labels.put(transition, null);
                    invisible.put(transition, false);
                }
                case "toolspecific" -> {
                    if (transition != null && "$invisible$".equals(xml.getAttributeValue(null, "activity"))) {
                        invisible.put(transition, true);
                    }
                }
                case "arc" -> arcs.add(new Arc(required("source"), required("target"),
                        xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber()));
                default -> {
                    // names, texts, graphics: read at their end
                }
            }
        }

        private boolean inFirstNet() {
            return path.contains("net");
        }

        private void end(String tag) {
            String value = text.toString().strip();
            text.setLength(0);
            path.pop();
            if (nets != 1 || !path.contains("net") && !tag.equals("net")) {
                return;
            }
            String parent = path.peek();
            String grand = path.size() > 1 ? List.copyOf(path).get(1) : null;
            if (tag.equals("text")) {
                if ("name".equals(parent) && "transition".equals(grand) && transition != null) {
                    labels.put(transition, value.isEmpty() ? null : value);
                } else if ("initialMarking".equals(parent) && place != null) {
                    initial.put(place, tokens(value));
                } else if ("place".equals(parent) && finalPlace != null) {
                    fin.merge(finalPlace, tokens(value), Integer::sum);
                } else if ("inscription".equals(parent) && "arc".equals(grand)) {
                    if (tokens(value) != 1) {
                        fail("expected arc weights of 1, found " + value + " (weighted arcs are not supported)");
                    }
                }
            }
            switch (tag) {
                case "place" -> {
                    place = null;
                    finalPlace = null;
                }
                case "transition" -> transition = null;
                default -> {
                    // nothing to close
                }
            }
        }

        private int tokens(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n < 0) {
                    fail("expected a token count of 0 or more, found " + value);
                }
                return n;
            } catch (NumberFormatException e) {
                fail("expected a token count, found '" + value + "'");
                return 0;
            }
        }

        private String required(String attribute) {
            String value = xml.getAttributeValue(null, attribute);
            if (value == null || value.isBlank()) {
                fail("expected attribute " + attribute + " on <" + xml.getLocalName() + ">, found none");
            }
            return value;
        }

        private void fail(String problem) {
            Location where = xml.getLocation();
            throw new PnmlException(file, where.getLineNumber(), where.getColumnNumber(), problem);
        }

        private FlowNet build() {
            Map<String, List<String>> inputs = new LinkedHashMap<>();
            Map<String, List<String>> outputs = new LinkedHashMap<>();
            labels.keySet().forEach(t -> {
                inputs.put(t, new ArrayList<>());
                outputs.put(t, new ArrayList<>());
            });
            java.util.Set<String> placeSet = new java.util.HashSet<>(places);
            java.util.Set<String> withInput = new java.util.HashSet<>();
            java.util.Set<String> withOutput = new java.util.HashSet<>();
            for (Arc arc : arcs) {
                if (placeSet.contains(arc.source()) && inputs.containsKey(arc.target())) {
                    inputs.get(arc.target()).add(arc.source());
                    withOutput.add(arc.source());
                } else if (inputs.containsKey(arc.source()) && placeSet.contains(arc.target())) {
                    outputs.get(arc.source()).add(arc.target());
                    withInput.add(arc.target());
                } else {
                    throw new PnmlException(file, arc.line(), arc.column(), "expected an arc between a place and a "
                            + "transition, found " + arc.source() + " -> " + arc.target());
                }
            }
            FlowNetBuilder net = FlowNet.builder(netName == null ? file : netName);
            places.forEach(net::place);
            labels.forEach((t, label) -> net.transition(t, invisible.get(t) ? null : label, inputs.get(t), outputs.get(t)));
            Map<String, Integer> start = initial.isEmpty() ? inferred(placeSet, withInput, "initial", "input") : initial;
            Map<String, Integer> end = fin.isEmpty() ? inferred(placeSet, withOutput, "final", "output") : fin;
            for (String p : end.keySet()) {
                if (!placeSet.contains(p)) {
                    throw new PnmlException(file, 0, 0, "expected the final marking to name places of the net, found '" + p + "'");
                }
            }
            return net.build(start, end);
        }

        /** One token in the only place without arcs of the given side. */
        private Map<String, Integer> inferred(java.util.Set<String> all, java.util.Set<String> connected,
                                              String which, String side) {
            List<String> candidates = places.stream().filter(p -> !connected.contains(p)).toList();
            if (candidates.size() != 1) {
                throw new PnmlException(file, 0, 0, "expected an " + which + " marking or exactly one place without "
                        + side + " arcs, found " + (candidates.isEmpty() ? "none" : String.join(", ", candidates)));
            }
            return Map.of(candidates.get(0), 1);
        }
    }
}
