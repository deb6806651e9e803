package dev.baton.bench;

import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long reading and validating a model takes: paid on every {@code baton model validate},
 * and on every model upload to the server. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ModelValidationBenchmark {

    @Param({"examples/b2b-saas.yaml", "examples/content-team.yaml"})
    public String model;

    private String text;

    @Setup
    public void read() {
        try {
            text = Files.readString(Path.of(model));
        } catch (IOException e) {
            throw new UncheckedIOException("run the benchmarks from the repository root", e);
        }
    }

    @Benchmark
    public ValidationReport validate() {
        return ModelValidation.validate(model, text);
    }
}
