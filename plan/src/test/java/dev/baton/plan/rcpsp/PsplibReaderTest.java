package dev.baton.plan.rcpsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.plan.schedule.Project;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsplibReaderTest {

    /** A 4-job instance (source, two jobs, sink) in the PSPLIB layout; line numbers below refer to it. */
    static final String SMALL = """
            ************************************************************************
            file with basedata            : small.bas
            ************************************************************************
            projects                      :  1
            jobs (incl. supersource/sink ):  4
            horizon                       :  10
            RESOURCES
              - renewable                 :  2   R
              - nonrenewable              :  0   N
              - doubly constrained        :  0   D
            ************************************************************************
            PRECEDENCE RELATIONS:
            jobnr.    #modes  #successors   successors
               1        1          2           2   3
               2        1          1           4
               3        1          1           4
               4        1          0
            ************************************************************************
            REQUESTS/DURATIONS:
            jobnr. mode duration  R 1  R 2
            ------------------------------------------------------------------------
              1      1     0       0    0
              2      1     3       2    1
              3      1     2       2    0
              4      1     0       0    0
            ************************************************************************
            RESOURCEAVAILABILITIES:
              R 1  R 2
                3    1
            ************************************************************************
            """;

    static RcpspInstance read(String text) throws Exception {
        return PsplibReader.read(new StringReader(text), "small.sm", "small");
    }

    static PsplibFormatException refused(String text) {
        try {
            read(text);
        } catch (PsplibFormatException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("read a malformed file without complaint");
    }

    @Test
    void readsJobsPrecedencesDemandsAndCapacities() throws Exception {
        RcpspInstance small = read(SMALL);
        Project p = small.project();

        assertThat(small.name()).isEqualTo("small");
        assertThat(small.jobs()).isEqualTo(4);
        assertThat(small.horizon()).isEqualTo(10);
        assertThat(p.resources()).isEqualTo(2);
        assertThat(p.resourceName(0)).isEqualTo("R1");
        assertThat(p.capacity().steady(0)).isEqualTo(3);
        assertThat(p.capacity().steady(1)).isEqualTo(1);
        assertThat(p.successors(0)).containsExactly(1, 2);
        assertThat(p.duration(1)).isEqualTo(3);
        assertThat(p.demand(1, 0)).isEqualTo(2);
        assertThat(p.demand(1, 1)).isEqualTo(1);
        assertThat(p.label(3)).isEqualTo("job 4");
    }

    @Test
    void readsAPsplibFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("j301_1.sm");
        try (var in = getClass().getResourceAsStream("/psplib/j301_1.sm")) {
            Files.copy(in, file);
        }
        RcpspInstance j301 = PsplibReader.read(file);

        assertThat(j301.name()).isEqualTo("j301_1");
        assertThat(j301.jobs()).isEqualTo(32);
        assertThat(j301.horizon()).isEqualTo(158);
        Project p = j301.project();
        assertThat(p.resources()).isEqualTo(4);
        assertThat(new int[] {p.capacity().steady(0), p.capacity().steady(1), p.capacity().steady(2),
                p.capacity().steady(3)}).containsExactly(12, 13, 4, 12);
        assertThat(p.successors(1)).containsExactly(5, 10, 14);
        assertThat(p.duration(31)).isZero();
    }

    @Test
    void aMissingSectionIsNamedAtTheEndOfTheFile() {
        String text = SMALL.substring(0, SMALL.indexOf("RESOURCEAVAILABILITIES"));
        PsplibFormatException e = refused(text);

        assertThat(e.getMessage()).startsWith("small.sm:27:").contains("missing section RESOURCEAVAILABILITIES");
        assertThat(e.infeasible()).isFalse();
    }

    @Test
    void aBadNumberIsShownWithLineAndColumn() {
        PsplibFormatException e = refused(SMALL.replace("  2      1     3       2    1", "  2      1     x       2    1"));

        assertThat(e.getMessage()).isEqualTo("small.sm:23:16: expected a whole number for the duration of job 2, found 'x'");
        assertThat(e.line()).isEqualTo(23);
        assertThat(e.column()).isEqualTo(16);
    }

    @Test
    void aSuccessorThatIsNoJobIsRefused() {
        PsplibFormatException e = refused(SMALL.replace("   2        1          1           4",
                "   2        1          1           9"));

        assertThat(e.getMessage()).startsWith("small.sm:15:")
                .contains("job 2 precedes job 9, which does not exist (jobs are numbered 1–4)");
    }

    @Test
    void aSuccessorCountThatDisagreesWithTheListIsRefused() {
        PsplibFormatException e = refused(SMALL.replace("   1        1          2           2   3",
                "   1        1          3           2   3"));

        assertThat(e.getMessage()).startsWith("small.sm:14:").contains("job 1 says it has 3 successor(s) but lists 2");
    }

    @Test
    void aMissingJobRowIsNamedWhereTheSectionEnds() {
        PsplibFormatException e = refused(SMALL.replace("  3      1     2       2    0\n", ""));

        assertThat(e.getMessage()).contains("expected job 3 in REQUESTS/DURATIONS, found job 4");
    }

    @Test
    void aDemandAboveCapacityIsStatedAsAnInfeasibleInstance() {
        PsplibFormatException e = refused(SMALL.replace("  3      1     2       2    0", "  3      1     2       4    0"));

        assertThat(e.infeasible()).isTrue();
        assertThat(e.getMessage()).isEqualTo("small.sm:24:24: job 3 requests 4 of R1 but only 3 is available (line 29): "
                + "the instance is infeasible, no schedule exists");
    }

    @Test
    void aPrecedenceCycleIsAnInfeasibleInstance() {
        PsplibFormatException e = refused(SMALL.replace("   4        1          0", "   4        1          1           2"));

        assertThat(e.infeasible()).isTrue();
        assertThat(e.getMessage()).isEqualTo("small.sm:17: the precedences form a cycle: job 4 → job 2 → job 4: "
                + "the instance is infeasible");
    }

    @Test
    void aMultiModeFileIsRefusedWithTheReason() {
        PsplibFormatException e = refused(SMALL.replace("   3        1          1           4",
                "   3        2          1           4"));

        assertThat(e.getMessage()).isEqualTo("small.sm:16:13: job 3 has 2 modes; only single-mode (.sm) files can be read");
    }

    @Test
    void nonrenewableResourcesAreRefused() {
        PsplibFormatException e = refused(SMALL.replace("  - nonrenewable              :  0   N",
                "  - nonrenewable              :  2   N"));

        assertThat(e.getMessage()).startsWith("small.sm:9:").contains("nonrenewable resources");
    }

    @Test
    void somethingElseEntirelyIsNotAPsplibFile() {
        PsplibFormatException e = refused("{\"jobs\": 3}\n");

        assertThat(e.getMessage()).isEqualTo("small.sm:2: missing the 'jobs (incl. supersource/sink ):' line: "
                + "this is not a PSPLIB .sm file");
    }

    @Test
    void theCapacityLineMustHaveOneValuePerResource() {
        PsplibFormatException e = refused(SMALL.replace("    3    1\n", "    3\n"));

        assertThat(e.getMessage()).startsWith("small.sm:29:").contains("expected 2 resource capacities, found 1 values");
    }

    @Test
    void everyBundledInstanceReads() {
        for (String name : new String[] {"j301_1", "j3013_1", "j3030_7", "j3045_5"}) {
            assertThat(Instances.bundled(name).jobs()).isEqualTo(32);
        }
        assertThatThrownBy(() -> PsplibReader.read(Path.of("no/such/file.sm"))).isInstanceOf(java.io.IOException.class);
    }
}
