package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoardPageTest {

    @Test
    void cardsPerColumnFollowsTheLinkWithinItsBounds() {
        assertThat(BoardPage.cardsPerColumn(null)).isEqualTo(BoardPage.CARDS_PER_COLUMN);
        assertThat(BoardPage.cardsPerColumn("5")).isEqualTo(5);
        assertThat(BoardPage.cardsPerColumn(" 40 ")).isEqualTo(40);
        assertThat(BoardPage.cardsPerColumn("0")).isEqualTo(1);
        assertThat(BoardPage.cardsPerColumn("100000")).isEqualTo(BoardPage.MAX_CARDS_PER_COLUMN);
    }

    @Test
    void aHandEditedValueShowsTheDefaultBoard() {
        assertThat(BoardPage.cardsPerColumn("abc")).isEqualTo(BoardPage.CARDS_PER_COLUMN);
        assertThat(BoardPage.cardsPerColumn("")).isEqualTo(BoardPage.CARDS_PER_COLUMN);
        assertThat(BoardPage.cardsPerColumn("99999999999")).isEqualTo(BoardPage.CARDS_PER_COLUMN);
    }
}
