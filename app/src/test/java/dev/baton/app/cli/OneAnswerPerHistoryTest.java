package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One history, one answer: {@code baton analyze} of a simulated log and of its XES, OCEL and CSV
 * exports gives the same report, and process-mining readers of the XES see what they need.
 * Property-style: simulated logs of several models, seeds and sizes, each checked in all formats.
 */
class OneAnswerPerHistoryTest {

    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path tmp;

    static Stream<Arguments> histories() {
        return Stream.of(Arguments.of("b2b-saas.yaml", 12, 1), Arguments.of("b2b-saas.yaml", 60, 3),
                Arguments.of("b2b-saas.yaml", 150, 8), Arguments.of("content-team.yaml", 25, 2),
                Arguments.of("content-team.yaml", 90, 5), Arguments.of("content-team.yaml", 140, 13));
    }

    @ParameterizedTest(name = "{0}, {1} items, seed {2}")
    @MethodSource("histories")
    void analyzeOfTheLogAndOfEachExportGiveTheSameReport(String model, int items, long seed) throws Exception {
        Path log = simulate(model, items, seed);
        Map<String, Object> original = analyze(model, log);
        assertThat(((Number) original.get("items")).intValue()).isEqualTo(items);
        for (String format : List.of("xes", "ocel", "csv")) {
            Path exported = tmp.resolve("export-" + seed + "." + (format.equals("ocel") ? "jsonocel" : format));
            CliRun export = CliRun.of("export", "--log", log.toString(), "--to", format, "--out", exported.toString(),
                    "--model", CliRun.example(model));
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.out()).as(format).contains(" of " + items + " items");

            Map<String, Object> again = analyze(model, exported);
            List<String> differences = new ArrayList<>();
            compare("", original, again, differences);
            assertThat(differences).as("%s %d items seed %d, %s export vs the JSONL log", model, items, seed, format)
                    .isEmpty();
        }
    }

    @Test
    void xesEventsCarryWhatPm4pyNeedsAndTheKindLeavesExactlyTheStageChanges() throws Exception {
        Path log = simulate("b2b-saas.yaml", 40, 4);
        Path xes = tmp.resolve("log.xes");
        assertThat(CliRun.of("export", "--log", log.toString(), "--to", "xes", "--out", xes.toString(), "--model",
                CliRun.example("b2b-saas.yaml")).exitCode()).isZero();

        // The stage changes of the JSONL log, per stream: the activities a process-mining tool should see.
        Map<String, List<String>> stagesOfLog = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log)) {
            Map<String, Object> event = dev.baton.app.json.Json.mapper().readValue(line, Map.class);
            Map<?, ?> data = (Map<?, ?>) event.get("data");
            String stage = switch ((String) event.get("type")) {
                case "ItemCreated" -> (String) data.get("stage");
                case "StageEntered" -> (String) data.get("to");
                default -> null;
            };
            if (stage != null) {
                stagesOfLog.computeIfAbsent((String) event.get("stream"), k -> new ArrayList<>()).add(stage);
            }
        }

        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(xes)));
        NodeList traces = document.getElementsByTagName("trace");
        Map<String, List<String>> stagesOfXes = new LinkedHashMap<>();
        java.util.Set<String> owned = new java.util.HashSet<>();
        int events = 0;
        for (int t = 0; t < traces.getLength(); t++) {
            Element trace = (Element) traces.item(t);
            Map<String, String> traceAttributes = attributes(trace);
            String name = traceAttributes.get("concept:name");
            boolean item = "work item".equals(traceAttributes.get("baton:caseType"));
            NodeList list = trace.getElementsByTagName("event");
            for (int e = 0; e < list.getLength(); e++) {
                Map<String, String> a = attributes((Element) list.item(e));
                events++;
                assertThat(a).as("event %d of %s", e + 1, name).containsKeys("concept:name", "time:timestamp",
                        "lifecycle:transition", "org:resource", "baton:kind", "baton:type");
                if (item) {
                    // Every event of an item says where the item stands: its work type and stage,
                    // and its owner once it has one, approvals and comments included.
                    assertThat(a).as("event %d of %s", e + 1, name).containsKeys("baton:workType", "org:group",
                            "baton:itemStage");
                    if ("OwnerAssigned".equals(a.get("baton:type"))) {
                        if (a.containsKey("baton:owner")) {
                            owned.add(name);
                        } else {
                            owned.remove(name);
                        }
                    }
                    if (owned.contains(name) && !"OwnerAssigned".equals(a.get("baton:type"))) {
                        assertThat(a).as("event %d of %s", e + 1, name).containsKey("baton:itemOwner");
                    }
                }
                if ("stage".equals(a.get("baton:kind"))) {
                    stagesOfXes.computeIfAbsent(name, k -> new ArrayList<>()).add(a.get("concept:name"));
                    assertThat(a).containsEntry(a.get("baton:type").equals("ItemCreated") ? "baton:stage" : "baton:to",
                            a.get("concept:name"));
                }
            }
        }
        assertThat(events).isEqualTo(Files.readAllLines(log).size());
        assertThat(stagesOfXes).isEqualTo(stagesOfLog);
    }

    @Test
    void discoveryReadsOnlyStageChangesWhateverTheFormat() throws Exception {
        Path log = simulate("content-team.yaml", 50, 6);
        String fromLog = CliRun.of("discover", "--log", log.toString(), "--format", "json").out();
        for (String format : List.of("xes", "ocel", "csv")) {
            Path exported = tmp.resolve("d." + (format.equals("ocel") ? "jsonocel" : format));
            assertThat(CliRun.of("export", "--log", log.toString(), "--to", format, "--out", exported.toString())
                    .exitCode()).isZero();
            CliRun discover = CliRun.of("discover", "--log", exported.toString(), "--format", "json");
            assertThat(discover.exitCode()).as(discover.err()).isZero();
            Map<String, Object> map = discover.jsonObject();
            Map<String, Object> expected = dev.baton.app.json.Json.mapper().readValue(fromLog, Map.class);
            map.remove("log");
            expected.remove("log");
            assertThat(map).as(format).isEqualTo(expected);
            assertThat(discover.out()).doesNotContain("ItemCompleted").doesNotContain("RequestSubmitted");
        }
    }

    private static Map<String, String> attributes(Element parent) {
        Map<String, String> out = new HashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.hasAttribute("key")) {
                out.put(e.getAttribute("key"), e.getAttribute("value"));
            }
        }
        return out;
    }

    private Path simulate(String model, int items, long seed) {
        Path log = tmp.resolve(model + "-" + items + "-" + seed + ".jsonl");
        CliRun run = CliRun.of("simulate", "--model", CliRun.example(model), "--items", String.valueOf(items), "--seed",
                String.valueOf(seed), "--out", log.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return log;
    }

    private static Map<String, Object> analyze(String model, Path log) {
        CliRun run = CliRun.of("analyze", "--model", CliRun.example(model), "--log", log.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> report = run.jsonObject();
        report.remove("log");
        return report;
    }

    /** Every difference between two JSON values, numbers to {@value #TOLERANCE}. */
    private static void compare(String path, Object a, Object b, List<String> differences) {
        if (a instanceof Number x && b instanceof Number y) {
            if (Math.abs(x.doubleValue() - y.doubleValue()) > TOLERANCE) {
                differences.add(path + ": " + a + " vs " + b);
            }
        } else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                differences.add(path + ": keys " + x.keySet() + " vs " + y.keySet());
            }
            x.forEach((k, v) -> compare(path + "." + k, v, y.get(k), differences));
        } else if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                differences.add(path + ": " + x.size() + " elements vs " + y.size());
                return;
            }
            for (int i = 0; i < x.size(); i++) {
                compare(path + "[" + i + "]", x.get(i), y.get(i), differences);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            differences.add(path + ": " + a + " vs " + b);
        }
    }
}
