package dev.baton.plan.rcpsp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * PSPLIB instances for tests: four j30 files copied into the test resources (MIT, see NOTICE) with
 * their proven optima, and the shared ones ({@code ../shared/datasets/rcpsp}), skipped when absent.
 */
public final class Instances {

    /** Proven optimal makespans (PSPLIB j30; OptalCP and CP Optimizer proofs). */
    public static final Map<String, Integer> OPTIMUM = Map.of("j301_1", 43, "j3013_1", 58, "j3030_7", 68, "j3045_5", 86,
            "j601_1", 77, "j1201_1", 105, "j1201_2", 109);

    private Instances() {
    }

    public static RcpspInstance bundled(String name) {
        try (Reader in = new InputStreamReader(Instances.class.getResourceAsStream("/psplib/" + name + ".sm"),
                StandardCharsets.UTF_8)) {
            return PsplibReader.read(in, name + ".sm", name);
        } catch (IOException | PsplibFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** An instance of ../shared/datasets/rcpsp; the test is skipped when the folder is absent. */
    public static RcpspInstance shared(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        Path file = dir == null ? Path.of(name) : dir.resolve("../shared/datasets/rcpsp").resolve(name + ".sm").normalize();
        assumeTrue(Files.isRegularFile(file), "shared dataset absent: " + file);
        try {
            return PsplibReader.read(file);
        } catch (IOException | PsplibFormatException e) {
            throw new AssertionError(e);
        }
    }
}
