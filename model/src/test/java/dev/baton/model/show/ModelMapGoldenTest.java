package dev.baton.model.show;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole map of a realistic model and of a broken one, against golden files. A change in how
 * the map looks shows up here as a readable diff; accept it with {@code -Dgolden.update=true}.
 */
class ModelMapGoldenTest {

    @Test
    void textMapOfAcme() throws Exception {
        Golden.assertMatches("acme.txt", ModelMap.text(Fixtures.acme()));
    }

    @Test
    void mermaidMapOfAcme() throws Exception {
        Golden.assertMatches("acme.mmd", ModelMap.mermaid(Fixtures.acme()));
    }

    @Test
    void brokenModelIsRenderedWithoutThrowing() throws Exception {
        Golden.assertMatches("broken.txt", ModelMap.text(Fixtures.broken()));
        Golden.assertMatches("broken.mmd", ModelMap.mermaid(Fixtures.broken()));
    }

    @Test
    void textIsPlainAsciiWithoutTrailingBlanks() {
        String text = ModelMap.text(Fixtures.acme());
        assertThat(text.chars()).allMatch(c -> c == '\n' || (c >= 32 && c < 127));
        assertThat(text.lines()).noneMatch(l -> l.endsWith(" "));
    }

    @Test
    void outputIsDeterministic() {
        assertThat(ModelMap.text(Fixtures.acme())).isEqualTo(ModelMap.text(Fixtures.acme()));
        assertThat(ModelMap.mermaid(Fixtures.acme())).isEqualTo(ModelMap.mermaid(Fixtures.acme()));
    }
}
