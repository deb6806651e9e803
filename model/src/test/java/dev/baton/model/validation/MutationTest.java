package dev.baton.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Half-written models are the normal case while someone edits one: whatever is missing or
 * mangled, validation must answer with problems, never with an exception.
 */
class MutationTest {

    static Stream<String> mutants() {
        String[] lines = Findings.CLEAN.split("\n", -1);
        List<String> mutants = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            mutants.add(join(lines, i, null));                                   // line deleted
            mutants.add(join(lines, i, lines[i].replaceAll(":\\s.*$", ":")));     // value emptied
            mutants.add(join(lines, i, lines[i].replaceAll("\\w+", "x")));        // words replaced
            mutants.add(join(lines, i, lines[i].replaceAll("[\\[\\]{}]", "")));   // brackets dropped
        }
        return mutants.stream();
    }

    private static String join(String[] lines, int index, String replacement) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = i == index ? replacement : lines[i];
            if (line != null) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("mutants")
    void everyMutantGetsAnAnswerWithPositionsNotAnException(String yaml) {
        assertThatCode(() -> {
            ValidationReport report = Findings.of(yaml);
            report.problems().forEach(p -> {
                assertThat(p.line()).isBetween(1, yaml.split("\n", -1).length + 1);
                assertThat(p.message()).isNotBlank();
            });
        }).doesNotThrowAnyException();
    }
}
