package dev.baton.assist.provider;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * A monthly cap on calls to a configured model, in calls, tokens or both (null: no cap of that
 * kind). Checked before each call against the month's usage log: a call that would start past a
 * cap is refused and nothing is sent; a call that ends past it is the month's last.
 */
public record Budget(Long callsPerMonth, Long tokensPerMonth) {

    public static final Budget UNLIMITED = new Budget(null, null);

    /** Null when the month's usage leaves room for another call; otherwise why not, in a sentence. */
    public String exceeded(List<Usage> month, YearMonth which) {
        long calls = month.stream().filter(Usage::sent).count();
        long tokens = month.stream().filter(Usage::sent).mapToLong(Usage::tokens).sum();
        if (callsPerMonth != null && calls >= callsPerMonth) {
            return String.format(Locale.ROOT, "the monthly AI budget is used up: %d of %d calls made in %s", calls,
                    callsPerMonth, which);
        }
        if (tokensPerMonth != null && tokens >= tokensPerMonth) {
            return String.format(Locale.ROOT, "the monthly AI budget is used up: %d of %d tokens spent in %s", tokens,
                    tokensPerMonth, which);
        }
        return null;
    }
}
