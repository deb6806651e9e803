package dev.baton.bench.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Intake requests as marketers write them, generated from a seed: a kind of work, an audience, a
 * region, a topic, often a date, a budget, channels. About 15 to 30 words each.
 */
final class RequestGenerator {

    private static final String[] KINDS = {"Paid social campaign", "Webinar", "Nurture sequence", "Launch brief",
            "One-pager", "Blog post", "Landing page", "ABM play", "Case study", "Email campaign", "Event booth",
            "Sales deck refresh", "Product video", "Partner co-marketing push", "Ebook"};
    private static final String[] AUDIENCES = {"fintech CFOs", "data leaders", "product managers", "enterprise IT buyers",
            "mid-market retail accounts", "healthcare analysts", "existing SMB customers", "trial users", "developers",
            "marketing ops teams", "procurement", "the sales team", "customer success managers"};
    private static final String[] REGIONS = {"in the UK", "in DACH", "in North America", "in the Nordics", "in APAC",
            "across EMEA", "in France", ""};
    private static final String[] TOPICS = {"data quality", "usage-based pricing", "AI-assisted insights", "embedded analytics",
            "the spring release", "security and compliance", "cost control", "team collaboration", "the new API",
            "migration from spreadsheets", "governance", "real-time dashboards"};
    private static final String[] CHANNELS = {"LinkedIn", "email", "webinar", "SEO", "retargeting", "events", "review sites",
            "podcast", "direct mail"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    private RequestGenerator() {
    }

    static List<String> requests(int n, long seed) {
        Random r = new Random(seed);
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder t = new StringBuilder();
            t.append(pick(r, KINDS)).append(" for ").append(pick(r, AUDIENCES));
            String region = pick(r, REGIONS);
            if (!region.isEmpty()) {
                t.append(' ').append(region);
            }
            t.append(" about ").append(pick(r, TOPICS));
            if (r.nextBoolean()) {
                t.append(", starting ").append(1 + r.nextInt(28)).append(' ').append(pick(r, MONTHS));
            }
            if (r.nextInt(3) == 0) {
                t.append(", budget $").append(5 + r.nextInt(60)).append('k');
            }
            if (r.nextBoolean()) {
                t.append(", via ").append(pick(r, CHANNELS)).append(" and ").append(pick(r, CHANNELS));
            }
            t.append(". Goal: ").append(r.nextBoolean() ? "grow pipeline" : "more qualified sign-ups").append('.');
            texts.add(t.toString());
        }
        return texts;
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }
}
