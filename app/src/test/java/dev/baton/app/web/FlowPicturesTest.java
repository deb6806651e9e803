package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.app.cli.Baton;
import dev.baton.engine.rights.Names;
import dev.baton.insight.picture.FlowSvg;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import dev.baton.model.validation.ModelValidation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every flow picture Baton draws of the examples and of real logs can be read: no two labels'
 * boxes overlap, none reaches out of the drawing, and no text is shown smaller than 12 px at the
 * width the pages draw for. Text is measured with real font metrics ({@link SvgLabels}), not with
 * the renderer's own estimate.
 */
class FlowPicturesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SHARED_LOGS = ROOT.resolve("../shared/datasets/eventlogs").normalize();

    @TempDir
    Path tmp;

    static Stream<Path> examples() throws Exception {
        try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyDeclaredFlowOfTheExamplesFitsTheCardAndItsLabelsDoNotOverlap(Path example) throws Exception {
        OperatingModel model = ModelValidation.validate(example).model();
        assertThat(model.workTypes()).isNotEmpty();
        for (WorkType w : model.workTypes()) {
            SvgLabels svg = SvgLabels.of(ModelPage.declaredFlow(model, w));
            report(svg);
            assertThat(svg.problems()).as(example.getFileName() + " " + w.id()).isEmpty();
            assertThat(svg.shownWidth()).as("width of %s", svg.title()).isLessThanOrEqualTo(FlowSvg.FIT_WIDTH);
            assertThat(svg.smallestTextPx()).as("smallest text of %s", svg.title()).isGreaterThanOrEqualTo(12);
            String first = Names.stage(w, w.stages().get(0).id()).split(" ")[0];
            assertThat(svg.boxes()).extracting(SvgLabels.Box::text).anySatisfy(t -> assertThat(t).startsWith(first));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void declaredBesideActualFlowsOfASimulatedYearCanBeRead(Path example) throws Exception {
        Path log = tmp.resolve("log.jsonl");
        assertThat(cli("simulate", "--model", example.toString(), "--items", "80", "--seed", "7", "--rework-rate", "0.3",
                "--out", log.toString())).isEmpty();
        Path html = tmp.resolve("report.html");
        assertThat(cli("analyze", "--model", example.toString(), "--log", log.toString(), "--format", "html", "--out",
                html.toString())).isEmpty();
        List<String> svgs = flowSvgs(Files.readString(html));
        assertThat(svgs).hasSizeGreaterThanOrEqualTo(2);
        for (String s : svgs) {
            SvgLabels svg = SvgLabels.of(s);
            report(svg);
            assertThat(svg.problems()).isEmpty();
            assertThat(svg.smallestTextPx()).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void discoveredFlowsOfTheSmallLogsCanBeRead() throws Exception {
        for (Path log : List.of(ROOT.resolve("app/src/test/resources/logs/rework-and-long-names.csv"),
                ROOT.resolve("insight/src/test/resources/logs/small.xes"),
                ROOT.resolve("insight/src/test/resources/logs/small.csv"))) {
            checkDiscovered(log);
        }
    }

    static Stream<String> publicLogs() {
        return Stream.of("running-example.xes", "reviewing.xes", "08_receipt.xes.gz", "bpic2012.xes.gz");
    }

    @ParameterizedTest
    @MethodSource("publicLogs")
    void discoveredFlowsOfThePublicLogsCanBeRead(String name) throws Exception {
        Path log = SHARED_LOGS.resolve(name);
        assumeTrue(Files.isRegularFile(log), "public log absent: " + log);
        checkDiscovered(log);
    }

    private void checkDiscovered(Path log) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Baton.run(new String[] {"discover", "--log", log.toString(), "--format", "svg"}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        SvgLabels svg = SvgLabels.of(out.toString());
        report(svg);
        assertThat(svg.problems()).as(log.getFileName().toString()).isEmpty();
        assertThat(svg.smallestTextPx()).isGreaterThanOrEqualTo(12);
    }

    /** The {@code <svg>} elements of the report's flow boxes. */
    static List<String> flowSvgs(String html) {
        List<String> svgs = new ArrayList<>();
        Matcher m = Pattern.compile("<svg [^>]*class=\"flow-picture\".*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            svgs.add(m.group());
        }
        return svgs;
    }

    private static String cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Baton.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return code == 0 ? "" : code + ": " + err;
    }

    private static void report(SvgLabels svg) {
        System.out.println(String.format(Locale.ROOT, "%-60s %6.0f × %-5.0f shown %5.0f px wide, %d labels, smallest %.1f px",
                svg.title(), svg.width(), svg.height(), svg.shownWidth(), svg.boxes().size(), svg.smallestTextPx()));
    }
}
