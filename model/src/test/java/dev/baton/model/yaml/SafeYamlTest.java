package dev.baton.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.model.problem.Problems;
import dev.baton.model.problem.SourceMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile files must fail fast with an error, never hang, exhaust memory or build objects. */
@Timeout(10)
class SafeYamlTest {

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertThatThrownBy(() -> SafeYaml.compose(yaml.toString()))
                .isInstanceOf(SafeYaml.SyntaxError.class)
                .hasMessageContaining("aliases");
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "a: " + "[".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> SafeYaml.compose(yaml)).isInstanceOf(SafeYaml.SyntaxError.class);
    }

    @Test
    void oversizedFilesAreRefusedBeforeParsing() {
        String yaml = "name: " + "x".repeat(SafeYaml.MAX_CHARS);
        assertThatThrownBy(() -> SafeYaml.compose(yaml))
                .isInstanceOf(SafeYaml.SyntaxError.class)
                .hasMessageContaining("at most 4 MB");
    }

    @Test
    void javaTypeTagsAreNeverInstantiated() {
        Problems problems = new Problems(new SourceMap());
        var model = ModelReader.read("""
                apiVersion: baton/v1
                name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1/"]]]]
                """, problems);
        assertThat(model).isNull();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("Global tag is not allowed");
        });
    }

    @Test
    void aSelfReferencingListDoesNotLoopForever() {
        Problems problems = new Problems(new SourceMap());
        ModelReader.read("apiVersion: baton/v1\nfunctions: &f [*f]\n", problems);
        assertThat(problems.sorted()).isNotEmpty();
    }
}
