package dev.baton.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsAndCapacityTest {

    @Test
    void durationsReadAsTeamsWriteSlas() {
        assertThat(WorkDuration.parse("3d").orElseThrow().value()).isEqualTo(Duration.ofDays(3));
        assertThat(WorkDuration.parse("36h").orElseThrow().hours()).isEqualTo(36.0);
        assertThat(WorkDuration.parse("90m").orElseThrow().value()).isEqualTo(Duration.ofMinutes(90));
        assertThat(WorkDuration.parse("1d12h").orElseThrow().hours()).isEqualTo(36.0);
        assertThat(WorkDuration.parse("2w").orElseThrow().value()).isEqualTo(Duration.ofDays(14));
        assertThat(WorkDuration.parse("0.5d").orElseThrow().hours()).isEqualTo(12.0);
        assertThat(WorkDuration.parse(" 2D ").orElseThrow().text()).isEqualTo("2D");
    }

    @Test
    void nonsenseDurationsAreRefused() {
        assertThat(WorkDuration.parse("3 days")).isEmpty();
        assertThat(WorkDuration.parse("0d")).isEmpty();
        assertThat(WorkDuration.parse("d")).isEmpty();
        assertThat(WorkDuration.parse("-1d")).isEmpty();
        assertThat(WorkDuration.parse("400d")).isEmpty();
    }

    @Test
    void capacityIsHoursPerWeek() {
        assertThat(Capacity.parse("32h/week").orElseThrow().hoursPerWeek()).isEqualTo(32.0);
        assertThat(Capacity.parse("6h/day").orElseThrow().hoursPerWeek()).isEqualTo(30.0);
        assertThat(Capacity.parse("full-time")).isEmpty();
        assertThat(Capacity.parse("200h/week")).isEmpty();
    }
}
