package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input as an attacker or an unlucky user gives it, through the CLI entry point: the corpus in
 * {@code src/test/resources/hostile} (listed with the command, exit code and expected words in
 * {@code cases.tsv}) and gzip bombs made here. Each is refused with exit 1, one line naming the
 * file and what is wrong (a list of {@code file:line:col: error:} lines for models), no stack
 * trace, no output file, within 10 seconds; the build runs this class with a 512 MB heap.
 */
class HostileInputTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile").toAbsolutePath();

    @TempDir
    static Path temp;

    record Case(String command, String file, int exit, String expected) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("cases.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            cases.add(new Case(f[0], f[1], Integer.parseInt(f[2]), f[3]));
        }
        return cases;
    }

    @Test
    void theCorpusIsLargeAndCoversEveryFormat() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().map(Case::command).distinct()).contains("validate", "discover", "conformance",
                "import:jira-json", "import:jira-csv", "import:trello-json", "import:gitlab-events",
                "import:github-events", "import:asana-json", "import:csv", "import:xes", "import:ocel");
        for (Case c : cases) {
            assertThat(CORPUS.resolve(c.file())).as(c.file()).isRegularFile();
            assertThat(Files.size(CORPUS.resolve(c.file()))).as(c.file()).isLessThan(64 * 1024);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedFileIsRefusedWithOneClearLine() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.command() + " " + c.file(),
                () -> refused(c.command(), CORPUS.resolve(c.file()), c.exit(), c.expected())));
    }

    /** A gzip of {@code head} followed by {@code count} copies of one byte: a few hundred KB that expand to a lot. */
    private static Path bomb(String name, String head, byte filler, long count) throws IOException {
        Path file = temp.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, filler);
            for (long left = count; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        assertThat(Files.size(file)).isLessThan(1 << 20);
        return file;
    }

    @TestFactory
    Stream<DynamicTest> gzipBombsAreRefusedBeforeTheyFillMemory() throws IOException {
        long size = 256L << 20;
        Path csv = bomb("bomb.csv.gz", "case,activity,timestamp\nc1,brief,", (byte) '0', size);
        Path blankCsv = bomb("blank.csv.gz", "case,activity,timestamp\n", (byte) '\n', size);
        Path xes = bomb("bomb.xes.gz", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log>", (byte) ' ', size);
        Path json = bomb("bomb.json.gz", "{\"issues\":", (byte) ' ', size);
        Path array = bomb("bomb-array.json.gz", "[", (byte) ' ', size);
        Path jsonl = bomb("bomb.jsonl.gz", "", (byte) '\n', size);
        Path ocel = bomb("bomb.jsonocel.gz", "{\"objects\":", (byte) ' ', size);
        return Stream.of(
                new Object[] {"import:csv", csv}, new Object[] {"discover", csv}, new Object[] {"import:csv", blankCsv},
                new Object[] {"discover", xes}, new Object[] {"import:xes", xes},
                new Object[] {"import:jira-json", json}, new Object[] {"import:trello-json", json},
                new Object[] {"import:gitlab-events", array}, new Object[] {"import:github-events", array}, new Object[] {"discover", jsonl},
                new Object[] {"discover", ocel}, new Object[] {"import:ocel", ocel},
                new Object[] {"analyze", jsonl}, new Object[] {"export", jsonl}, new Object[] {"imports", jsonl},
                new Object[] {"conformance", jsonl})
                .map(c -> DynamicTest.dynamicTest(c[0] + " " + ((Path) c[1]).getFileName(),
                        () -> refused((String) c[0], (Path) c[1], 1, "gzip bomb")));
    }

    @Test
    void runningOutOfMemoryIsOneLineWithTheInternalErrorCode() {
        String line = Baton.vmError(new OutOfMemoryError("Java heap space"));
        assertThat(line).startsWith("baton: internal error: out of memory (the Java heap is at most ")
                .contains("java -Xmx4g -jar baton.jar").doesNotContain("\n").doesNotContain("Exception");
        assertThat(Baton.INTERNAL).isEqualTo(70);
    }

    private static void refused(String command, Path file, int exit, String expected) {
        Path out = temp.resolve("out-" + file.getFileName() + ".jsonl");
        String[] args = switch (command) {
            case "validate" -> new String[] {"model", "validate", file.toString()};
            case "discover" -> new String[] {"discover", "--log", file.toString()};
            case "conformance" -> file.getFileName().toString().endsWith(".pnml")
                    ? new String[] {"conformance", "--log", CORPUS.resolve("valid/log.csv").toString(), "--net", file.toString()}
                    : new String[] {"conformance", "--log", file.toString(), "--net", CliRun.example("content-team.yaml"),
                    "--work-type", "blog-post"};
            case "analyze" -> new String[] {"analyze", "--log", file.toString(), "--model", CliRun.example("content-team.yaml")};
            case "export" -> new String[] {"export", "--log", file.toString(), "--to", "csv", "--out", out.toString()};
            case "imports" -> new String[] {"imports", "list", "--log", file.toString()};
            default -> new String[] {"import", command.substring("import:".length()), file.toString(), "--out",
                    out.toString()};
        };
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of(args));
        String all = run.out() + run.err();
        assertThat(run.exitCode()).as(all).isEqualTo(exit);
        assertThat(all).as("no stack trace, no parser noise, no library names")
                .doesNotContain("\tat ", "Exception", "[Fatal Error]", "`", "tools.jackson", "org.apache", "Infinity");
        assertThat(all.toLowerCase(Locale.ROOT)).as(all).contains(expected.toLowerCase(Locale.ROOT));
        assertThat(out).as("no output file left behind").doesNotExist();
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.filter(p -> p.getFileName().toString().contains(".partial"))).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (command.equals("validate")) {
            // A model: every problem as file:line:col: error|warning: …, then the verdict line.
            List<String> lines = run.out().lines().toList();
            assertThat(lines).isNotEmpty();
            assertThat(lines).allSatisfy(l -> assertThat(l).startsWith(file.toString()));
            assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*:\\d+:\\d+: error: .*"));
        } else {
            assertThat(run.out()).as("nothing on stdout").isEmpty();
            assertThat(run.err().lines().toList()).as(run.err()).hasSize(1)
                    .first().satisfies(l -> assertThat(l).contains(file.toString()));
        }
    }
}
