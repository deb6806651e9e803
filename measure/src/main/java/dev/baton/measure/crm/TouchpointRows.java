package dev.baton.measure.crm;

import dev.baton.measure.outcome.Touchpoint;
import java.time.Instant;

/** The rows of the generic touchpoint CSV: person or account, time, channel, campaign, UTM, cost. */
final class TouchpointRows {

    private TouchpointRows() {
    }

    static void touchpoint(Rows r, FileLog c) {
        String email = r.pooledEmail("email");
        String account = r.pooled("account");
        if (email == null && account == null) {
            r.problem(r.has("email") ? "email" : "account", "expected a person's email or an account, found neither");
        }
        Instant at = r.date("time", true);
        String channel = r.pooled("channel");
        if (channel == null) {
            channel = r.pooled("utmMedium");
        }
        if (channel == null) {
            r.problem("channel", "expected a channel (or a utm_medium to take it from), found nothing");
        }
        double cost = r.amount("cost");
        if (!r.clean()) {
            return;
        }
        String campaign = r.pooled("campaign");
        if (campaign == null) {
            campaign = r.pooled("utmCampaign");
        }
        if (campaign != null) {
            campaign = r.mapping().campaigns().aliases().getOrDefault(campaign, campaign);
        }
        Touchpoint t = new Touchpoint(at, email, account, channel, campaign, r.pooled("utmSource"),
                r.pooled("utmMedium"), r.pooled("utmCampaign"), cost);
        c.keepRow(t, FileLog.Target.TOUCHPOINTS);
    }
}
