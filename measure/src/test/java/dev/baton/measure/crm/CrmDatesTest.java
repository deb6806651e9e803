package dev.baton.measure.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dates CRM exports write, read by hand (docs/outcomes.md § Dates), and the amounts. */
class CrmDatesTest {

    private static String read(String text, boolean dayFirst) {
        Instant at = CrmDates.parse(text, dayFirst);
        return at == null ? null : at.toString();
    }

    @Test
    void slashedDatesReadMonthFirstUnlessDayFirstIsSet() {
        assertThat(read("3/31/2026", false)).isEqualTo("2026-03-31T00:00:00Z");
        assertThat(read("3/31/2026", true)).isNull();
        assertThat(read("31/3/2026", true)).isEqualTo("2026-03-31T00:00:00Z");
        assertThat(read("03/04/2026", false)).isEqualTo("2026-03-04T00:00:00Z");
        assertThat(read(" 3/31/2026 2:15 PM ", false)).isEqualTo("2026-03-31T14:15:00Z");
        assertThat(read("3/31/2026, 14:15", false)).isEqualTo("2026-03-31T14:15:00Z");
        assertThat(read("3/31/2026 12:05:09am", false)).isEqualTo("2026-03-31T00:05:09Z");
        assertThat(read("3/31/2026\t9:00", false)).isEqualTo("2026-03-31T09:00:00Z");
    }

    @Test
    void whatIsNoSlashedDateIsRefusedOrLeftToTheOneTimestampRule() {
        assertThat(read("31/31/2026", false)).isNull();
        assertThat(read("2/30/2026", false)).isNull();
        assertThat(read("3/31/2026,", false)).isNull();
        assertThat(read("3/31/2026 13:00 PM", false)).isNull();
        assertThat(read("3/31/2026 24:00", false)).isNull();
        assertThat(read("3/31/2026 123:45", false)).isNull();
        assertThat(read("3/31/26", false)).isNull();
        assertThat(read("123/1/2026", false)).isNull();
        assertThat(read("20260331", false)).isNull();
        assertThat(read("2026-03-31T14:22:00Z", false)).isEqualTo("2026-03-31T14:22:00Z");
        assertThat(read("2026-03-31 14:22", false)).isEqualTo("2026-03-31T14:22:00Z");
        assertThat(CrmDates.hint("25/03/2026", false)).contains("it reads day first");
        assertThat(CrmDates.hint("3/25/2026", true)).contains("it reads month first");
        assertThat(CrmDates.hint("13/13/2026", false)).isEmpty();
    }

    @Test
    void amountsLoseTheirCurrencyAndSeparatorsOnly() {
        assertThat(Rows.plainAmount("12500")).isEqualTo("12500");
        assertThat(Rows.plainAmount("$24,000.00")).isEqualTo("24000.00");
        assertThat(Rows.plainAmount("USD 24000")).isEqualTo("24000");
        assertThat(Rows.plainAmount("EUR1 200,50")).isEqualTo("120050");
        assertThat(Rows.plainAmount("£ 9")).isEqualTo("9");
        assertThat(Rows.plainAmount("12 500 ¥")).isEqualTo("12500");
        assertThat(Rows.plainAmount("-5")).isEqualTo("-5");
        assertThat(Rows.plainAmount("abc")).isEmpty();
    }
}
