package dev.baton.model.show;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Compares rendered output with a golden file under {@code src/test/resources/show/}. Run the
 * tests with {@code -Dgolden.update=true} to (re)write the goldens from the current output, then
 * read the diff in git before committing it: the goldens are the review of how the map looks.
 */
final class Golden {

    static final Path DIR = Path.of("src", "test", "resources", "show");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    static void assertMatches(String file, String actual) throws IOException {
        Path path = DIR.resolve(file);
        if (UPDATE) {
            Files.createDirectories(DIR);
            Files.writeString(path, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(path)) {
            fail("golden file " + path + " does not exist; run the tests with -Dgolden.update=true to write it");
        }
        String expected = Files.readString(path, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("output differs from golden file " + path
                    + " (- golden, + actual; rerun with -Dgolden.update=true to accept):\n" + diff(expected, actual));
        }
    }

    /** A line diff (longest common subsequence), unchanged lines near a change kept as context. */
    static String diff(String expected, String actual) {
        List<String> a = List.of(expected.split("\n", -1));
        List<String> b = List.of(actual.split("\n", -1));
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + (i + 1) + ": " + a.get(i));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                lines.add("- " + (i + 1) + ": " + visible(a.get(i)));
                i++;
            } else {
                lines.add("+ " + (j + 1) + ": " + visible(b.get(j)));
                j++;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            if (near(lines, k, 2)) {
                out.append(lines.get(k)).append('\n');
            } else if (k > 0 && near(lines, k - 1, 2)) {
                out.append("  ...\n");
            }
        }
        return out.toString();
    }

    private static boolean near(List<String> lines, int k, int context) {
        for (int d = Math.max(0, k - context); d <= Math.min(lines.size() - 1, k + context); d++) {
            if (!lines.get(d).startsWith("  ")) {
                return true;
            }
        }
        return false;
    }

    /** Trailing whitespace made visible, since it is invisible in a failure message. */
    private static String visible(String line) {
        String stripped = line.stripTrailing();
        return stripped.length() == line.length() ? line : stripped + "<" + (line.length() - stripped.length())
                + " trailing blank(s)>";
    }
}
