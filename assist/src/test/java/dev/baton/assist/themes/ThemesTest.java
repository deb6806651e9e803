package dev.baton.assist.themes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.embed.MiniLm;
import dev.baton.assist.themes.Themes.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings that say the same thing in other words fall into one theme with their items; unrelated ones stay apart. */
class ThemesTest {

    @Test
    void paraphrasedFindingsShareAThemeWithTheirItems() {
        List<Finding> findings = List.of(
                new Finding("item-1", "Webinars", "to-change", "Legal review took two weeks and delayed the launch", "pm:item-1"),
                new Finding("item-2", "Ebook", "handoff-rejected", "The legal review was slow and held up the release", "item-2#7"),
                new Finding("item-3", "Pricing page", "to-change", "Legal approval came late, so the page shipped late", "pm:item-3"),
                new Finding("item-4", "Partner kit", "approval-denied", "The brand colours on the banner are wrong", "item-4#5"),
                new Finding("item-5", "Blank", "fact", " ", "item-5#1"));
        List<Themes.Theme> themes = Themes.of(findings, MiniLm.instance());
        assertThat(themes.get(0).items()).containsExactlyInAnyOrder("item-1", "item-2", "item-3");
        assertThat(themes.get(0).name()).containsIgnoringCase("legal");
        assertThat(themes).hasSize(2);
        assertThat(themes.get(1).items()).containsExactly("item-4");
        assertThat(Themes.of(List.of(), MiniLm.instance())).isEmpty();
    }
}
