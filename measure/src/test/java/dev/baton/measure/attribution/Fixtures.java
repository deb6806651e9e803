package dev.baton.measure.attribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Journeys the tests share: the toys of measure_vectors.json (CA-TOY-TOY1/2/3; their figures are
 * copied into the tests that use them) and ChannelAttribution's PathData, which is GPL-3 data and so
 * is read from ../shared beside the repository, never copied into it.
 */
final class Fixtures {

    private Fixtures() {
    }

    static Journeys.Journey row(String path, double conversions, double value, double nulls) {
        return new Journeys.Journey(Arrays.stream(path.split(">")).map(String::strip).toList(), conversions, value,
                nulls);
    }

    /** Sergey Bryl's example: c1>c2>c3 converts, c1 and c2>c3 do not. */
    static Journeys toy1() {
        return Journeys.of(List.of(row("c1 > c2 > c3", 1, 1, 0), row("c1", 0, 0, 1), row("c2 > c3", 0, 0, 1)));
    }

    /** Repeated channels, values and nulls. */
    static Journeys toy2() {
        return Journeys.of(List.of(row("A > B > A > C", 2, 30, 1), row("B > B > C", 1, 10, 3), row("C", 0, 0, 4),
                row("A > C", 3, 45, 2), row("B", 1, 5, 5), row("A > B", 0, 0, 2)));
    }

    /** eeghor/mta's probabilistic-model fixture. */
    static Journeys toy3() {
        return Journeys.of(List.of(row("a > b", 3, 3, 1), row("a > c", 1, 1, 1)));
    }

    /** ../shared/datasets/attribution/PathData.csv; the test is skipped when it is not there. */
    static Path pathData() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets/attribution/PathData.csv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "PathData.csv (GPL-3, kept in ../shared) is not present");
        return null;
    }

    /** PathData's rows as plain records, read independently of {@link PathsCsv} (naive split). */
    static List<String[]> pathDataRows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(pathData());
        for (String line : lines.subList(1, lines.size())) {
            int close = line.lastIndexOf('"');
            String path = line.substring(1, close);
            String[] numbers = line.substring(close + 2).split(",");
            rows.add(new String[] {path, numbers[0], numbers[1], numbers[2]});
        }
        return rows;
    }
}
