package dev.baton.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void isoFormsWithAndWithoutOffsetsAndFractions() {
        assertThat(Timestamps.parse("2024-03-01T09:15:00Z")).isEqualTo(at("2024-03-01T09:15:00Z"));
        assertThat(Timestamps.parse("2024-03-01T09:15:00.123+01:00")).isEqualTo(at("2024-03-01T08:15:00.123Z"));
        assertThat(Timestamps.parse("2024-03-01T09:15:00-0230")).isEqualTo(at("2024-03-01T11:45:00Z"));
        assertThat(Timestamps.parse("2024-03-01 09:15")).isEqualTo(at("2024-03-01T09:15:00Z"));
        assertThat(Timestamps.parse("2024-03-01")).isEqualTo(at("2024-03-01T00:00:00Z"));
        assertThat(Timestamps.parse("2024-03-01T09:15:00.5")).isEqualTo(at("2024-03-01T09:15:00.500Z"));
    }

    @Test
    void dayFirstFormsAndEpochNumbers() {
        assertThat(Timestamps.parse("01/03/2024 09:15")).isEqualTo(at("2024-03-01T09:15:00Z"));
        assertThat(Timestamps.parse("01-03-2024 09:15:30")).isEqualTo(at("2024-03-01T09:15:30Z"));
        assertThat(Timestamps.parse("01.03.2024")).isEqualTo(at("2024-03-01T00:00:00Z"));
        assertThat(Timestamps.parse("1709284500")).isEqualTo(at("2024-03-01T09:15:00Z"));
        assertThat(Timestamps.parse("1709284500000")).isEqualTo(at("2024-03-01T09:15:00Z"));
    }

    @Test
    void impossibleDatesAreRefused() {
        assertThatThrownBy(() -> Timestamps.parse("2024-02-30T10:00:00Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamps.parse("2024-03-01T25:00:00Z")).isInstanceOf(IllegalArgumentException.class);
    }
}
