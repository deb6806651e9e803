package dev.baton.measure.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.Funnel;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The exports read from their bytes give exactly what the Commons CSV reading gives: the same
 * records in the same order, the same notes, the same problems at the same lines and columns, and
 * so the same funnel; and what the byte reading leaves to Commons CSV (stray quotes, NUL, bytes
 * that are not UTF-8) is read by it.
 */
class ScannedReadingTest {

    static final Path EXAMPLES = Path.of("..", "examples", "outcomes");

    private static CrmReader.Source source(String name, byte[] bytes) {
        return new CrmReader.Source(name, () -> new ByteArrayInputStream(bytes));
    }

    /** Asserts both readings agree on {@code sources}, and returns whether every file was read from its bytes. */
    private static boolean sameAsCommons(List<CrmReader.Source> sources, OutcomeMapping mapping) {
        boolean allScanned = sameAsCommons(sources, mapping, 1, ScannedFile.MIN_PART);
        // In parts of a few dozen bytes: parts end inside quoted line breaks, and lines are numbered across parts.
        sameAsCommons(sources, mapping, 1000, 40);
        sameAsCommons(sources, mapping, 3, 1);
        return allScanned;
    }

    private static boolean sameAsCommons(List<CrmReader.Source> sources, OutcomeMapping mapping, int parts, int minPart) {
        List<FileLog> commons = new ArrayList<>();
        List<FileLog> chosen = new ArrayList<>();
        boolean allScanned = true;
        for (CrmReader.Source s : sources) {
            commons.add(CrmReader.readWithCommons(s, mapping));
            List<FileLog> scanned = CrmReader.readScanned(s, mapping, parts, minPart);
            allScanned &= scanned != null;
            chosen.addAll(scanned != null ? scanned : List.of(CrmReader.readWithCommons(s, mapping)));
        }
        CrmReader.Result expected = CrmReader.merge(commons);
        CrmReader.Result actual = CrmReader.merge(chosen);
        assertThat(actual.problems()).isEqualTo(expected.problems());
        assertThat(actual.notes()).isEqualTo(expected.notes());
        assertThat(actual.files()).isEqualTo(expected.files());
        assertThat(actual.ok()).isEqualTo(expected.ok());
        if (expected.ok()) {
            assertThat(actual.data()).isEqualTo(expected.data());
            assertThat(CrmReader.read(sources, mapping).data()).isEqualTo(expected.data());
            var ids = IdentityMatcher.match(expected.data(), mapping.identity());
            for (Dimension by : Dimension.values()) {
                if (by == Dimension.WORK_TYPE) {
                    continue;
                }
                assertThat(Funnel.compute(actual.data(), IdentityMatcher.match(actual.data(), mapping.identity()),
                        mapping, by, JourneyOptions.DEFAULT))
                        .isEqualTo(Funnel.compute(expected.data(), ids, mapping, by, JourneyOptions.DEFAULT));
            }
        } else {
            assertThat(CrmReader.read(sources, mapping).problems()).isEqualTo(expected.problems());
        }
        return allScanned;
    }

    @Test
    void theExampleExportsReadTheSameFromTheirBytes() throws Exception {
        List<CrmReader.Source> sources = CrmReader.sources(List.of(EXAMPLES.resolve("salesforce"),
                EXAMPLES.resolve("hubspot"), EXAMPLES.resolve("touchpoints.csv")));
        OutcomeMapping mapping = OutcomeMappingReader.read(Files.readString(EXAMPLES.resolve("outcome-mapping.yaml")))
                .mapping();
        assertThat(sameAsCommons(sources, OutcomeMapping.DEFAULT)).isTrue();
        assertThat(sameAsCommons(sources, mapping)).isTrue();
    }

    @Test
    void generatedExportsWithQuotesBomCrlfAndBadRowsReadTheSame() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int scanned = 0;
        int refused = 0;
        int repeated = 0;
        for (int round = 0; round < 150; round++) {
            boolean broken = round % 3 == 0;
            byte[] touches = touchpoints(random, broken);
            List<CrmReader.Source> sources = List.of(
                    source("leads-" + round + ".csv", leads(random, broken)),
                    source("opportunities-" + round + ".csv", opportunities(random, broken)),
                    source("touchpoints-" + round + ".csv", touches),
                    source("touchpoints-again-" + round + ".csv", random.nextBoolean() ? touches
                            : touchpoints(random, broken)));
            if (sameAsCommons(sources, OutcomeMapping.DEFAULT)) {
                scanned++;
            }
            CrmReader.Result r = CrmReader.read(sources, OutcomeMapping.DEFAULT);
            if (!r.ok()) {
                refused++;
            } else if (r.notes().stream().anyMatch(n -> n.contains("touchpoints given twice"))) {
                repeated++;
            }
        }
        assertThat(scanned).as("most generated files are read from their bytes").isGreaterThan(100);
        assertThat(refused).as("rounds with bad rows, reported the same").isGreaterThan(20);
        assertThat(repeated).as("rounds with a touch given twice, kept once").isGreaterThan(20);
    }

    @Test
    void aGzippedExportReadsTheSame() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(touchpoints(new SplittableRandom(3), false));
        }
        assertThat(sameAsCommons(List.of(source("touchpoints.csv.gz", zipped.toByteArray())), OutcomeMapping.DEFAULT))
                .isTrue();
    }

    @Test
    void whatTheByteReadingLeavesToCommonsCsvIsReadByIt() {
        String header = "email,time,channel\n";
        String[] unusual = {
            header + "a@x.example,2026-01-01,\"email\"x\n",          // a character after a closing quote
            header + "a@x.example,2026-01-01,\"email\n",             // a quote never closed
            header + "a@x.example,2026-01-01,em\"ail\n",             // a quote inside an unquoted value
            header + "a@x.example, \"2026-01-01\",email\n",          // a space before an opening quote
            header + "a@x.example,2026-01-01,\"e\rmail\"\n",         // a lone carriage return inside quotes
            header + "a@x.example,2026-01-01,em\u0000ail\n",         // a NUL
            "",                                                      // nothing at all
        };
        for (String text : unusual) {
            CrmReader.Source s = source("touchpoints.csv", text.getBytes(StandardCharsets.UTF_8));
            assertThat(CrmReader.readScanned(s, OutcomeMapping.DEFAULT, 1, ScannedFile.MIN_PART)).as(text).isNull();
            sameAsCommons(List.of(s), OutcomeMapping.DEFAULT);
        }
        byte[] latin1 = (header + "jos\u00e9@x.example,2026-01-01,email\n").getBytes(StandardCharsets.ISO_8859_1);
        CrmReader.Source s = source("touchpoints.csv", latin1);
        assertThat(CrmReader.readScanned(s, OutcomeMapping.DEFAULT, 1, ScannedFile.MIN_PART)).isNull();
        CrmReader.Result r = CrmReader.read(List.of(s), OutcomeMapping.DEFAULT);
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("UTF-8"));
        sameAsCommons(List.of(s), OutcomeMapping.DEFAULT);
    }

    // ---- generated exports: the values written in every way a CSV writer or a spreadsheet may write them

    private static String value(SplittableRandom random, String v) {
        boolean needsQuotes = v.contains(",") || v.contains("\"") || v.contains("\n");
        String quoted = "\"" + v.replace("\"", "\"\"") + "\"";
        return switch (random.nextInt(12)) {
            case 0 -> quoted;
            case 1 -> needsQuotes ? quoted : " " + v + "  ";
            case 2 -> "\"  " + v.replace("\"", "\"\"") + " \"";
            case 3 -> needsQuotes ? quoted : "\t" + v;
            default -> needsQuotes ? quoted : v;
        };
    }

    private static byte[] file(SplittableRandom random, String header, List<String[]> rows, boolean broken) {
        String newline = random.nextBoolean() ? "\r\n" : "\n";
        StringBuilder b = new StringBuilder();
        if (random.nextInt(3) == 0) {
            b.append('\uFEFF');
        }
        b.append(header).append(newline);
        for (String[] row : rows) {
            if (random.nextInt(15) == 0) {
                b.append(random.nextBoolean() ? "" : "   ").append(newline); // a blank line
            }
            List<String> cells = new ArrayList<>();
            for (String v : row) {
                cells.add(value(random, v));
            }
            if (broken && random.nextInt(40) == 0) {
                cells.add("extra");
            }
            if (broken && random.nextInt(80) == 0) {
                cells.set(0, " \"" + row[0] + "\""); // a space before a quote: left to Commons CSV
            }
            b.append(String.join(",", cells)).append(newline);
        }
        if (random.nextBoolean() && b.length() > 0) {
            b.setLength(b.length() - newline.length()); // no line break after the last row
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] NAMES = {"Ana", "Émile", "Zoë, Ltd", "Acme \"Rockets\"", "Line\nBreak Inc",
        "\u2003Spaced\u2003", "Plain"};
    private static final String[] CHANNELS = {"email", "paid_search", "Webinar", "événement", "social, paid"};

    private static String date(SplittableRandom random, boolean broken) {
        if (broken && random.nextInt(30) == 0) {
            return random.nextBoolean() ? "31/3/2026" : "yesterday";
        }
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return switch (random.nextInt(4)) {
            case 0 -> month + "/" + day + "/2026";
            case 1 -> String.format(Locale.ROOT, "2026-%02d-%02d", month, day);
            case 2 -> String.format(Locale.ROOT, "2026-%02d-%02dT%02d:15:00Z", month, day, random.nextInt(24));
            default -> month + "/" + day + "/2026, " + (1 + random.nextInt(12)) + ":05 PM";
        };
    }

    private static byte[] leads(SplittableRandom random, boolean broken) {
        List<String[]> rows = new ArrayList<>();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            int id = broken && random.nextInt(20) == 0 ? 0 : i;
            boolean converted = random.nextBoolean();
            rows.add(new String[] {"00Q" + id, "P" + i + "@Acct" + random.nextInt(5) + ".example",
                NAMES[random.nextInt(NAMES.length)], converted ? "Closed - Converted"
                        : broken && random.nextInt(20) == 0 ? "Sleeping" : "Open - Not Contacted",
                CHANNELS[random.nextInt(CHANNELS.length)], "SMB", date(random, broken),
                random.nextBoolean() ? date(random, broken) : "", converted ? date(random, broken) : "",
                converted ? "006" + i : ""});
        }
        return file(random, "Lead ID,Email,Company,Lead Status,Lead Source,Segment,Created Date,MQL Date,"
                + "Converted Date,Converted Opportunity ID", rows, broken);
    }

    private static byte[] opportunities(SplittableRandom random, boolean broken) {
        List<String[]> rows = new ArrayList<>();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            String stage = new String[] {"Closed Won", "Closed Lost", "Prospecting"}[random.nextInt(3)];
            rows.add(new String[] {"006" + i, "Deal " + i, NAMES[random.nextInt(NAMES.length)], stage,
                random.nextBoolean() ? "$12,500.00" : broken && random.nextInt(20) == 0 ? "-5" : "" + random.nextInt(9999),
                date(random, broken), date(random, broken), CHANNELS[random.nextInt(CHANNELS.length)],
                random.nextBoolean() ? "Campaign " + random.nextInt(4) : ""});
        }
        return file(random, "Opportunity ID,Opportunity Name,Account Name,Stage,Amount,Created Date,Close Date,"
                + "Lead Source,Primary Campaign Source", rows, broken);
    }

    private static byte[] touchpoints(SplittableRandom random, boolean broken) {
        List<String[]> rows = new ArrayList<>();
        int n = 1 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
            boolean noEmail = random.nextInt(5) == 0;
            rows.add(new String[] {noEmail ? "" : "P" + random.nextInt(20) + "@Acct" + random.nextInt(5) + ".example",
                noEmail && !(broken && random.nextInt(5) == 0) ? NAMES[random.nextInt(NAMES.length)] : "",
                date(random, broken), CHANNELS[random.nextInt(CHANNELS.length)],
                random.nextBoolean() ? "Campaign " + random.nextInt(4) : "", random.nextBoolean() ? "google" : "",
                random.nextBoolean() ? "cpc" : "", "",
                random.nextBoolean() ? "1.50" : broken && random.nextInt(20) == 0 ? "lots" : "0"});
        }
        return file(random, "email,account,time,channel,campaign,utm_source,utm_medium,utm_campaign,cost", rows, broken);
    }
}
