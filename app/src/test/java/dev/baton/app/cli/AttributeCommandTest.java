package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton attribute}: the JSON contract, csv and text, and what bad files and options get. */
class AttributeCommandTest {

    @TempDir
    Path tmp;

    /** CA-TOY-TOY2 of measure_vectors.json. */
    private Path toy2() throws Exception {
        Path csv = tmp.resolve("toy2.csv");
        Files.writeString(csv, """
                "path","total_conversions","total_conversion_value","total_null"
                "A > B > A > C",2,30,1
                "B > B > C",1,10,3
                "C",0,0,4
                "A > C",3,45,2
                "B",1,5,5
                "A > B",0,0,2
                """);
        return csv;
    }

    @Test
    void markovJsonFollowsTheContract() throws Exception {
        CliRun run = CliRun.of("attribute", "--paths", toy2().toString(), "--model", "markov", "--format", "json");

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json.keySet()).containsExactly("model", "order", "paths", "totalConversions", "totalValue",
                "conversionProbability", "channels");
        assertThat(json).containsEntry("model", "markov").containsEntry("order", 1).containsEntry("paths", 6);
        assertThat(((Number) json.get("totalConversions")).doubleValue()).isEqualTo(7);
        assertThat(((Number) json.get("totalValue")).doubleValue()).isEqualTo(90);
        assertThat(((Number) json.get("conversionProbability")).doubleValue()).isCloseTo(0.2916666666666667, within(1e-12));
        List<Map<String, Object>> channels = CliRun.objects(json, "channels");
        assertThat(channels).extracting(c -> c.get("channel")).containsExactly("C", "A", "B");
        assertThat(channels.get(0).keySet()).containsExactly("channel", "conversions", "value", "removalEffect",
                "valueRemovalEffect");
        // exact: C 3.2244094488188977 (full double precision in the output)
        assertThat(((Number) channels.get(0).get("conversions")).doubleValue()).isCloseTo(3.2244094488188977, within(1e-12));
        assertThat(((Number) channels.get(1).get("removalEffect")).doubleValue()).isCloseTo(0.5476190476190477, within(1e-12));
        assertThat(run.out()).contains("3.22440944881889");
    }

    @Test
    void keysThatDoNotApplyAreAbsent() throws Exception {
        CliRun first = CliRun.of("attribute", "--paths", toy2().toString(), "--model", "first-touch", "--format", "json");
        CliRun ordered = CliRun.of("attribute", "--paths", toy2().toString(), "--model", "shapley-ordered",
                "--format", "json");

        Map<String, Object> json = first.jsonObject();
        assertThat(json).doesNotContainKey("conversionProbability").containsEntry("model", "first-touch");
        Map<String, Object> a = CliRun.objects(json, "channels").get(0);
        assertThat(a.keySet()).containsExactly("channel", "conversions", "value");
        assertThat(a).containsEntry("channel", "A");
        assertThat(((Number) a.get("conversions")).doubleValue()).isEqualTo(5);
        assertThat(((Number) a.get("value")).doubleValue()).isEqualTo(75);
        Map<String, Object> orderedA = CliRun.objects(ordered.jsonObject(), "channels").stream()
                .filter(c -> c.get("channel").equals("A")).findFirst().orElseThrow();
        // A > B > A > C: 2/3 over A's two touches (1st, 3rd); A > C: 3/2 at the 1st
        assertThat(orderedA.get("positions")).asList().hasSize(4);
        assertThat(((Number) ((List<?>) orderedA.get("positions")).get(0)).doubleValue()).isCloseTo(1.0 / 3 + 1.5, within(1e-12));
        assertThat(((Number) ((List<?>) orderedA.get("positions")).get(2)).doubleValue()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void csvHasOneRowPerChannel() throws Exception {
        CliRun markov = CliRun.of("attribute", "--paths", toy2().toString(), "--model", "markov", "--format", "csv");
        CliRun linear = CliRun.of("attribute", "--paths", toy2().toString(), "--model", "linear", "--format", "csv");

        assertThat(markov.exitCode()).isZero();
        List<String> lines = markov.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("channel,conversions,value,removal_effect,value_removal_effect");
        assertThat(lines.get(1)).startsWith("C,3.22440944881889").contains(",0.857142857142857");
        List<String> rows = linear.out().lines().toList();
        assertThat(rows).hasSize(4).startsWith("channel,conversions,value", "A,2.5,37.5");
        // full precision: B's linear credit 13/6 and value 115/6
        String[] b = rows.get(3).split(",");
        assertThat(b[0]).isEqualTo("B");
        assertThat(Double.parseDouble(b[1])).isCloseTo(13.0 / 6, within(1e-15));
        assertThat(Double.parseDouble(b[2])).isCloseTo(115.0 / 6, within(1e-13));
    }

    @Test
    void textShowsSharesAndSaysHowCreditWasGiven() throws Exception {
        CliRun run = CliRun.of("attribute", "--paths", toy2().toString(), "--model", "markov", "--order", "2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("markov (order 2) attribution of 6 paths (6 distinct), 3 channels")
                .contains("removal effect").contains("Conversions 7.00, value 90.00, P(conversion) 0.291667")
                .containsPattern("C\\s+2\\.82\\s+40\\.3%");
    }

    @Test
    void markovWithoutNullsSaysTheResultDegenerates() throws Exception {
        Path csv = tmp.resolve("no-nulls.csv");
        Files.writeString(csv, "path,total_conversions\na > b,3\na > c,1\n");

        CliRun run = CliRun.of("attribute", "--paths", csv.toString(), "--model", "markov");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Note: No journey is recorded as not converting").contains("degenerates");
    }

    @Test
    void customColumnsAndSeparator() throws Exception {
        Path csv = tmp.resolve("custom.csv");
        Files.writeString(csv, "journey;x,conv,lost\nsearch|email,2,1\nemail,1,3\n".replace(";x", ""));

        CliRun run = CliRun.of("attribute", "--paths", csv.toString(), "--model", "last-touch", "--path-column",
                "journey", "--separator", "|", "--conversions", "conv", "--nulls", "lost", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(CliRun.objects(run.jsonObject(), "channels")).extracting(c -> c.get("channel"))
                .containsExactly("email", "search");
    }

    @Test
    void aMissingColumnIsExitOneWithWhereAndWhat() throws Exception {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "path,conversions\na,1\n");

        CliRun run = CliRun.of("attribute", "--paths", csv.toString(), "--model", "linear");

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().strip()).isEqualTo(csv + ":1:1: error: expected a column 'total_conversions' with the "
                + "conversions, found the columns 'path', 'conversions'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anExplicitlyNamedColumnMustExist() throws Exception {
        Path csv = tmp.resolve("novalue.csv");
        Files.writeString(csv, "path,total_conversions\na,1\n");

        CliRun run = CliRun.of("attribute", "--paths", csv.toString(), "--model", "linear", "--value", "revenue");

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains(":1:1: error: expected a column 'revenue'");
    }

    @Test
    void badNumbersAreAllReportedWithLineAndColumn() throws Exception {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "path,total_conversions,total_null\na > b,x,0\nb,1,-2\n");

        CliRun run = CliRun.of("attribute", "--paths", csv.toString(), "--model", "markov", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().lines().toList()).containsExactly(
                csv + ":2:7: error: column 'total_conversions': expected a number, found 'x'",
                csv + ":3:5: error: column 'total_null': expected a count of 0 or more, found '-2'");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void anUnknownModelIsAUsageErrorListingTheModels() throws Exception {
        CliRun run = CliRun.of("attribute", "--paths", toy2().toString(), "--model", "u-shaped");

        assertThat(run.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(run.err()).contains("unknown model 'u-shaped'; expected one of first-touch, last-touch, linear, "
                + "linear-unique, time-decay, position-based, markov, shapley, shapley-ordered, shapley-rate");
    }

    @Test
    void optionsOfOtherModelsAndBadValuesAreUsageErrors() throws Exception {
        assertThat(CliRun.of("attribute", "--paths", toy2().toString(), "--model", "linear", "--order", "2").exitCode())
                .isEqualTo(Baton.USAGE);
        assertThat(CliRun.of("attribute", "--paths", toy2().toString(), "--model", "markov", "--order", "0").exitCode())
                .isEqualTo(Baton.USAGE);
        assertThat(CliRun.of("attribute", "--paths", toy2().toString(), "--model", "time-decay", "--half-life", "0")
                .exitCode()).isEqualTo(Baton.USAGE);
        assertThat(CliRun.of("attribute", "--paths", toy2().toString(), "--model", "markov", "--format", "xml")
                .exitCode()).isEqualTo(Baton.USAGE);
        CliRun decay = CliRun.of("attribute", "--paths", toy2().toString(), "--model", "time-decay", "--half-life", "2");
        assertThat(decay.exitCode()).isZero();
        assertThat(decay.out()).contains("halves every 2 touch(es)");
    }

    @Test
    void aMissingFileIsExitOne() {
        CliRun run = CliRun.of("attribute", "--paths", tmp.resolve("nope.csv").toString(), "--model", "markov");

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().strip()).endsWith("nope.csv: error: no such file");
    }

    @Test
    void everyModelRunsOnPathData() {
        Path pathData = CliRun.ROOT.getParent().resolve("shared/datasets/attribution/PathData.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(pathData), "PathData.csv (GPL-3) is in ../shared");
        for (String model : List.of("first-touch", "last-touch", "linear", "linear-unique", "time-decay",
                "position-based", "markov", "shapley", "shapley-ordered", "shapley-rate")) {
            CliRun run = CliRun.of("attribute", "--paths", pathData.toString(), "--model", model, "--format", "json");
            assertThat(run.exitCode()).as(model + ": " + run.err()).isZero();
            Map<String, Object> json = run.jsonObject();
            assertThat(json).containsEntry("paths", 10_000);
            double sum = CliRun.objects(json, "channels").stream()
                    .mapToDouble(c -> ((Number) c.get("conversions")).doubleValue()).sum();
            assertThat(sum).as(model).isCloseTo(19_785, within(1e-6));
            assertThat(run.out()).doesNotContain("NaN").doesNotContain("Infinity");
        }
        CliRun markov = CliRun.of("attribute", "--paths", pathData.toString(), "--model", "markov", "--format", "json");
        Map<String, Object> eta = CliRun.objects(markov.jsonObject(), "channels").stream()
                .filter(c -> c.get("channel").equals("eta")).findFirst().orElseThrow();
        assertThat(((Number) eta.get("conversions")).doubleValue()).isCloseTo(3340.8, within(0.1));
    }
}
