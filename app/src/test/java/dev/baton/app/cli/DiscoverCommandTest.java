package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DiscoverCommandTest {

    @TempDir
    Path tmp;

    private Path csv() throws Exception {
        Path log = tmp.resolve("log.csv");
        Files.writeString(log, """
                case,activity,timestamp,resource
                1,brief,2024-03-01T09:00:00Z,maya
                1,build,2024-03-01T11:00:00Z,maya
                1,review,2024-03-02T11:00:00Z,alex
                2,brief,2024-03-01T09:00:00Z,sam
                2,review,2024-03-01T10:00:00Z,alex
                3,brief,2024-03-04T09:00:00Z,sam
                3,build,2024-03-04T13:00:00Z,sam
                3,review,2024-03-06T13:00:00Z,alex
                """);
        return log;
    }

    @Test
    void textShowsTheGraphWithWaitsAndTheVariants() throws Exception {
        CliRun run = CliRun.of("discover", "--log", csv().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("3 cases, 8 events, 3 activities, 2 variants")
                .containsPattern("brief -> build\\s+2  3h\\s+3h 48m")
                .contains("Start: brief (3)")
                .contains("End:   review (3)")
                .contains("2  66.7%  brief > build > review");
    }

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        CliRun run = CliRun.of("discover", "--log", csv().toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsKeys("log", "cases", "events", "activities", "startActivities", "endActivities",
                "directlyFollows", "variants");
        List<Map<String, Object>> edges = CliRun.objects(json, "directlyFollows");
        assertThat(edges.get(0)).containsEntry("from", "brief").containsEntry("to", "build")
                .containsEntry("count", 2).containsEntry("medianWaitMillis", 3 * 3_600_000);
        assertThat(CliRun.objects(json, "variants").get(0)).containsEntry("cases", 2);
    }

    @Test
    void svgIsWellFormedXmlWithABoxPerActivityAndWaitsOnTheEdges() throws Exception {
        CliRun run = CliRun.of("discover", "--log", csv().toString(), "--format", "svg");

        assertThat(run.exitCode()).isZero();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        List<String> boxes = new ArrayList<>();
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            if (((Element) groups.item(i)).hasAttribute("data-stage")) {
                boxes.add(((Element) groups.item(i)).getAttribute("data-stage"));
            }
        }
        // a box per activity, ordered by where it comes in a case, between the start and the end
        assertThat(boxes).containsExactly("start", "brief", "build", "review", "end");
        List<String> edges = new ArrayList<>();
        NodeList titles = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        for (int i = 0; i < titles.getLength(); i++) {
            edges.add(titles.item(i).getTextContent());
        }
        // brief → build twice, 2 h and 4 h apart: median 3 h, p90 3.8 h; review after brief once, 1 h
        assertThat(edges).contains("brief → build: 2× · 3h (p90 3h 48m)", "brief → review: 1× · 1h (p90 1h)",
                "start → brief: 3", "review → end: 3");
        assertThat(run.out()).doesNotContain("<script").doesNotContain("href=\"http");
    }

    @Test
    void aMalformedLogIsOneLineAndExitOne() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "case,activity,timestamp\n1,a,never\n");

        CliRun run = CliRun.of("discover", "--log", bad.toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().strip()).startsWith(bad + ":2: error: column timestamp: expected a timestamp")
                .doesNotContain("Exception");
    }
}
