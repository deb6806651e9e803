package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RcpspCommandTest {

    /** Source, two jobs that cannot overlap (both need 2 of R1's 3), sink: the optimum is 5. */
    static final String SMALL = """
            ************************************************************************
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

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> starts(Map<String, Object> json) {
        return (Map<String, Object>) json.get("starts");
    }

    @Test
    void jsonHasTheContractKeysWithJobNumbersAsInTheFile() throws Exception {
        CliRun run = CliRun.of("plan", "rcpsp", write("small.sm", SMALL).toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsEntry("instance", "small").containsEntry("makespan", 5).containsEntry("lowerBound", 5)
                .containsEntry("optimal", true);
        assertThat(starts(json)).containsOnlyKeys("1", "2", "3", "4").containsEntry("1", 0).containsEntry("4", 5);
        int two = (Integer) starts(json).get("2");
        int three = (Integer) starts(json).get("3");
        assertThat(two == 0 ? three : two).as("the two jobs run one after the other").isEqualTo(two == 0 ? 3 : 2);
    }

    @Test
    void aPsplibInstanceIsSolvedToItsOptimumAndTheSameSeedGivesTheSameStarts() throws Exception {
        Path j301 = CliRun.ROOT.resolve("../shared/datasets/rcpsp/j301_1.sm").normalize();
        assumeTrue(Files.isRegularFile(j301), "shared dataset absent: " + j301);

        CliRun first = CliRun.of("plan", "rcpsp", j301.toString(), "--iterations", "30000", "--seed", "1",
                "--format", "json");
        CliRun again = CliRun.of("plan", "rcpsp", j301.toString(), "--iterations", "30000", "--seed", "1",
                "--format", "json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, Object> json = first.jsonObject();
        assertThat(json).containsEntry("instance", "j301_1").containsEntry("makespan", 43)
                .containsEntry("lowerBound", 38);
        assertThat(starts(json)).hasSize(32).containsEntry("1", 0).containsEntry("32", 43);
        assertThat(again.out()).isEqualTo(first.out());
    }

    @Test
    void textShowsMakespanBoundGapAndATimeline() throws Exception {
        CliRun run = CliRun.of("plan", "rcpsp", write("small.sm", SMALL).toString(), "--time-limit", "2s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("small: 4 jobs, 2 resources")
                .contains("makespan     5")
                .contains("lower bound  5 (disjunctive set)")
                .contains("gap          0 % (optimal")
                .containsPattern("(?m)^\\s+4\\s+5\\s+5\\s+0\\s+0\\s+\\|$")
                .contains("###");
    }

    @Test
    void aMalformedFileExitsOneWithItsLineNumber() throws Exception {
        Path bad = write("bad.sm", SMALL.replace("  3      1     2       2    0", "  3      1     two     2    0"));

        CliRun run = CliRun.of("plan", "rcpsp", bad.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo(bad + ":21:16: expected a whole number for the duration of job 3, found 'two'");
    }

    @Test
    void anInfeasibleInstanceExitsOneAndSaysSo() throws Exception {
        Path bad = write("big.sm", SMALL.replace("  2      1     3       2    1", "  2      1     3       5    1"));

        CliRun run = CliRun.of("plan", "rcpsp", bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":20:").contains("the instance is infeasible");
    }

    @Test
    void aMissingFileExitsOne() {
        CliRun run = CliRun.of("plan", "rcpsp", tmp.resolve("nope.sm").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nope.sm: error: no such file");
    }

    @Test
    void aBadTimeLimitOrMethodIsAUsageError() throws Exception {
        String file = write("small.sm", SMALL).toString();

        assertThat(CliRun.of("plan", "rcpsp", file, "--time-limit", "soon").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("plan", "rcpsp", file, "--method", "magic").err()).contains("expected genetic, timefold or sgs");
        assertThat(CliRun.of("plan", "rcpsp", file, "--iterations", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void everyMethodGivesTheOptimumOfTheSmallInstance() throws Exception {
        String file = write("small.sm", SMALL).toString();
        for (String method : new String[] {"sgs", "genetic", "timefold"}) {
            CliRun run = CliRun.of("plan", "rcpsp", file, "--method", method, "--iterations", "2000", "--format", "json");

            assertThat(run.exitCode()).as(method + ": " + run.err()).isZero();
            assertThat(run.jsonObject()).containsEntry("makespan", 5).containsEntry("method", method);
        }
    }

    @Test
    void planWithoutASubcommandOrRoadmapOptionsSaysWhatItNeeds() {
        CliRun run = CliRun.of("plan");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--model M and --initiatives FILE").contains("baton plan rcpsp");
    }
}
