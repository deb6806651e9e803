package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the hardening must not refuse: a CSV saved with a byte order mark, epoch timestamps
 * (one rule for import and discover), and PNML names with entity references, read in full.
 */
class AcceptedInputTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    @Test
    void aCsvWithAByteOrderMarkIsImportedAndDiscovered() throws IOException {
        Path csv = write("bom.csv", withBom("case,activity,timestamp\nc1,brief,2026-03-01T09:00:00Z\n"
                + "c1,build,2026-03-02T09:00:00Z\n"));
        CliRun imported = CliRun.of("import", "csv", csv.toString(), "--out", dir.resolve("log.jsonl").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 2 events for 1 item");
        CliRun discovered = CliRun.of("discover", "--log", csv.toString());
        assertThat(discovered.exitCode()).as(discovered.err()).isZero();
        assertThat(discovered.out()).contains("1 cases, 2 events").contains("brief -> build");
    }

    @Test
    void importAndDiscoverAcceptTheSameTimestampForms() throws IOException {
        // Epoch seconds, epoch milliseconds, day first, a date alone: discover always took them; import now does.
        Path csv = write("forms.csv", ("case,activity,timestamp\nc1,brief,1772355600\nc1,build,1772442000000\n"
                + "c1,review,03/03/2026 09:00\nc1,live,2026-03-04\n").getBytes(StandardCharsets.UTF_8));
        CliRun imported = CliRun.of("import", "csv", csv.toString(), "--out", dir.resolve("log.jsonl").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 4 events for 1 item");
        CliRun discovered = CliRun.of("discover", "--log", csv.toString());
        assertThat(discovered.exitCode()).as(discovered.err()).isZero();
        assertThat(discovered.out()).contains("brief > build > review > live");
        CliRun fromLog = CliRun.of("discover", "--log", dir.resolve("log.jsonl").toString());
        assertThat(fromLog.out()).contains("brief > build > review > live");
    }

    @Test
    void entityReferencesInPnmlNamesAreExpandedNotDropped() throws IOException {
        Path log = write("log.csv", ("case,activity,timestamp\nc1,Q&A,2026-03-01T09:00:00Z\n"
                + "c1,copy & design,2026-03-02T09:00:00Z\n").getBytes(StandardCharsets.UTF_8));
        Path net = write("net.pnml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pnml><net id=\"n\" "
                + "type=\"http://www.pnml.org/version-2009/grammar/pnmlcoremodel\"><page id=\"p\">"
                + "<place id=\"start\"><initialMarking><text>1</text></initialMarking></place><place id=\"mid\"/>"
                + "<place id=\"end\"/>"
                + "<transition id=\"t1\"><name><text>Q&amp;A</text></name></transition>"
                + "<transition id=\"t2\"><name><text>copy &#38; design</text></name></transition>"
                + "<arc id=\"a1\" source=\"start\" target=\"t1\"/><arc id=\"a2\" source=\"t1\" target=\"mid\"/>"
                + "<arc id=\"a3\" source=\"mid\" target=\"t2\"/><arc id=\"a4\" source=\"t2\" target=\"end\"/>"
                + "</page></net></pnml>\n").getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.of("conformance", "--log", log.toString(), "--net", net.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("logFitness               1.000000");
    }
}
