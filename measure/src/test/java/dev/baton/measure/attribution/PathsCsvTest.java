package dev.baton.measure.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading aggregated paths: the layouts people export, and every problem reported with its place. */
class PathsCsvTest {

    private static Journeys read(String csv) throws IOException {
        return read(csv, PathColumns.DEFAULTS);
    }

    private static Journeys read(String csv, PathColumns columns) throws IOException {
        return PathsCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "paths.csv", columns);
    }

    private static PathsFormatException problems(String csv) {
        return catchThrowableOfType(PathsFormatException.class, () -> read(csv));
    }

    @Test
    void readsPathDataLayoutAndFoldsIdenticalPaths() throws IOException {
        Journeys journeys = read("""
                "path","total_conversions","total_conversion_value","total_null"
                "eta > iota > alpha > eta",1,0.244,3
                "iota > iota",2,3.195,6
                "eta>iota >alpha> eta",1,1.5,0
                """);

        assertThat(journeys.rows()).isEqualTo(3);
        assertThat(journeys.distinctPaths()).isEqualTo(2);
        assertThat(journeys.channels()).containsExactly("eta", "iota", "alpha");
        assertThat(journeys.totalConversions()).isEqualTo(4);
        assertThat(journeys.totalValue()).isEqualTo(0.244 + 3.195 + 1.5);
        assertThat(journeys.totalNulls()).isEqualTo(9);
        assertThat(journeys.nullsKnown()).isTrue();
        assertThat(Attribution.firstTouch(journeys).channel("eta").conversions()).isEqualTo(2);
    }

    @Test
    void quotesCrlfByteOrderMarkAndBlankLinesAreRead() throws IOException {
        Journeys journeys = read("\uFEFFpath,total_conversions,total_null\r\n"
                + "\"a, \"\"the\"\" one > b\",2,1\r\n"
                + "\r\n"
                + "\"c\n> d\",1,0\r\n"
                + "b,\"3\",0");

        assertThat(journeys.rows()).isEqualTo(3);
        assertThat(journeys.channels()).containsExactly("a, \"the\" one", "b", "c", "d");
        assertThat(journeys.totalConversions()).isEqualTo(6);
        assertThat(journeys.totalValue()).isZero();
    }

    @Test
    void columnNamesAndSeparatorAreConfigurableAndOptionalColumnsMayBeAbsent() throws IOException {
        PathColumns columns = new PathColumns("journey", "conv", "revenue", "lost", "|", false, false);

        Journeys journeys = read("""
                id,journey,conv
                1, search | social | search ,1.5
                2,email,0
                """, columns);

        assertThat(journeys.channels()).containsExactly("search", "social", "email");
        assertThat(journeys.totalConversions()).isEqualTo(1.5);
        assertThat(journeys.nullsKnown()).isFalse();
        assertThat(journeys.totalValue()).isZero();
    }

    @Test
    void aColumnNamedExplicitlyMustBeThere() {
        PathColumns columns = new PathColumns("path", "total_conversions", "total_conversion_value", "lost", ">",
                false, true);

        assertThatThrownBy(() -> read("path,total_conversions\na,1\n", columns))
                .isInstanceOf(PathsFormatException.class)
                .hasMessage("paths.csv:1:1: error: expected a column 'lost' with the non-converting journeys, "
                        + "found the columns 'path', 'total_conversions'");
    }

    @Test
    void aMissingRequiredColumnIsReportedAgainstTheHeader() {
        PathsFormatException e = problems("path,conversions,total_null\na,1,0\n");

        assertThat(e.getMessage()).isEqualTo("paths.csv:1:1: error: expected a column 'total_conversions' with the "
                + "conversions, found the columns 'path', 'conversions', 'total_null'");
    }

    @Test
    void everyBadValueIsReportedWithLineAndColumn() {
        PathsFormatException e = problems("""
                path,total_conversions,total_conversion_value,total_null
                a > b,one,1,0
                a > b,1,2,-3
                ,1,1,0
                a >  > b,1,1,0
                a > b,1,x1,0
                a > b >,1,1,0
                é > a,1,NaN,0
                a,1
                """);

        assertThat(e.problems()).extracting(PathProblem::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(e.getMessage().lines().toList()).containsExactly(
                "paths.csv:2:7: error: column 'total_conversions': expected a number, found 'one'",
                "paths.csv:3:11: error: column 'total_null': expected a count of 0 or more, found '-3'",
                "paths.csv:4:1: error: column 'path': expected channels separated by '>', found an empty path",
                "paths.csv:5:4: error: column 'path': expected a channel name between '>', found nothing",
                "paths.csv:6:9: error: column 'total_conversion_value': expected a number, found 'x1'",
                "paths.csv:7:8: error: column 'path': expected a channel name after '>', found nothing",
                "paths.csv:8:9: error: column 'total_conversion_value': expected a number, found 'NaN'",
                "paths.csv:9:4: error: expected 4 values as the header has, found 2 (no value for "
                        + "'total_conversion_value')");
    }

    @Test
    void problemsAreCountedBeyondTheTwentyShown() {
        StringBuilder csv = new StringBuilder("path,total_conversions\n");
        for (int i = 0; i < 25; i++) {
            csv.append("a,?\n");
        }

        PathsFormatException e = problems(csv.toString());

        assertThat(e.problems()).hasSize(PathsFormatException.SHOWN);
        assertThat(e.total()).isEqualTo(25);
        assertThat(e.getMessage()).endsWith("paths.csv: 5 more problem(s) not shown (25 in all)");
    }

    @Test
    void brokenQuotingAndEmptyFilesAreReported() {
        assertThat(problems("path,total_conversions\n\"a > b,1\n").getMessage())
                .isEqualTo("paths.csv:2:1: error: a quoted value opened here is not closed before the end of the file "
                        + "(a missing \" or a stray one)");
        assertThat(problems("path,total_conversions\n\"a\"x,1\n").getMessage())
                .startsWith("paths.csv:2:4: error: a character follows a closing quote");
        assertThat(problems("").getMessage()).startsWith("paths.csv:1:1: error: expected a header line");
    }

    @Test
    void numbersReadFromBytesEqualJavasOwnParsing() {
        String[] samples = {"0.244", "3.195", "74802.97", "1e3", "-0.5", "0.1", "123456789012345678", "2.", ".5",
                "0.30000000000000004", "6.119", " 7 "};
        for (String s : samples) {
            byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(Numbers.parse(bytes, 0, bytes.length)).as(s).isEqualTo(Double.parseDouble(s.strip()));
        }
        for (String bad : new String[] {"", "-", ".", "1.2.3", "Infinity", "0x10", "1e999", "12d"}) {
            byte[] bytes = bad.getBytes(StandardCharsets.US_ASCII);
            assertThat(Numbers.parse(bytes, 0, bytes.length)).as(bad).isNaN();
        }
    }

    @Test
    void recordsLongerThanTheBufferAreRead() throws IOException {
        StringBuilder path = new StringBuilder("c0");
        for (int i = 1; i < 200_000; i++) {
            path.append(" > c").append(i % 7);
        }

        Journeys journeys = read("path,total_conversions\n\"" + path + "\",1\nc3,2\n");

        assertThat(journeys.rows()).isEqualTo(2);
        assertThat(journeys.channels()).hasSize(7);
        assertThat(Attribution.lastTouch(journeys).channel("c3").conversions()).isEqualTo(2);
    }

    @Test
    void aPathWrittenAgainIsFoldedAndItsBadValuesStillReported() throws IOException {
        StringBuilder csv = new StringBuilder("path,total_conversions,total_null\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("\"a > b > a\",1,2\n");
        }
        Journeys journeys = read(csv.toString());

        assertThat(journeys.rows()).isEqualTo(1000);
        assertThat(journeys.distinctPaths()).isEqualTo(1);
        assertThat(journeys.totalConversions()).isEqualTo(1000);
        assertThat(journeys.totalNulls()).isEqualTo(2000);
        assertThat(problems(csv + "\"a > b > a\",x,2\n").getMessage())
                .isEqualTo("paths.csv:1002:13: error: column 'total_conversions': expected a number, found 'x'");
    }
}
