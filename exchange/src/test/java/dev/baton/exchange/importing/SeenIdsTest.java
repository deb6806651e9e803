package dev.baton.exchange.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void remembersEveryIdAcrossGrowth() {
        SeenIds ids = new SeenIds();
        for (int i = 0; i < 100_000; i++) {
            assertThat(ids.add("jira:" + i + ":changelog:" + (i * 7) + ":0")).isTrue();
        }
        assertThat(ids.size()).isEqualTo(100_000);
        for (int i = 0; i < 100_000; i++) {
            assertThat(ids.contains("jira:" + i + ":changelog:" + (i * 7) + ":0")).isTrue();
            assertThat(ids.contains("jira:" + i + ":changelog:" + (i * 7) + ":1")).isFalse();
        }
        assertThat(ids.add("jira:5:changelog:35:0")).isFalse();
        assertThat(ids.size()).isEqualTo(100_000);
    }
}
