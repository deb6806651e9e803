package dev.baton.model.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsTheClosestKnownWordForTyposAndSwaps() {
        List<String> keys = List.of("stages", "transitions", "done", "template");
        assertThat(Suggestions.closest("stagse", keys)).contains("stages");
        assertThat(Suggestions.closest("transitons", keys)).contains("transitions");
        assertThat(Suggestions.closest("Template", keys)).contains("template");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(Suggestions.closest("budget", List.of("stages", "done"))).isEmpty();
        assertThat(Suggestions.closest("x", List.of("y"))).isEmpty();
        assertThat(Suggestions.hint("zzz", List.of())).isEmpty();
    }
}
