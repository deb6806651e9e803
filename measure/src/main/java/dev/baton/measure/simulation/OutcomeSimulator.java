package dev.baton.measure.simulation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates the touchpoints and CRM records that a simulated history's campaigns produced, with
 * known true effects, so that attribution can be checked against the truth (docs/outcomes.md).
 *
 * <p>The generating model: each account is reached by one to four campaigns (at most
 * {@code maxTouches}) launched within 30
 * days of each other (a touch from each, up to three weeks after its launch, by one of the
 * account's people). The account then creates an opportunity with chance
 * {@code p(S) = min(0.95, base + Σ lift(c) for the channels c in S)}, S being the set of channels
 * that reached it, one to eight days after its last touch. An account converting has a lead first
 * (created after its first touch, marketing qualified, accepted by sales, converted); about half of
 * the others have a lead too, left open, handed over and never worked, accepted or rejected. An
 * account's touches span at most 30 + 30 + 21 + 8 = 89 days up to its conversion: all are inside
 * the default lookback window of 90 days.
 *
 * <p>The truth: for each channel, the conversions it caused, {@code Σ p(S) − p(S∖{c})} over the
 * accounts it reached, and that over {@code Σ p(S)}: the share of conversions lost had the channel
 * not run (its true removal effect); the same per work type, removing every channel that reached
 * an account only through campaigns of that type. These are expectations over the accounts as
 * drawn, so they do not carry the noise of the conversions drawn.
 */
public final class OutcomeSimulator {

    /** Mixed into the seed: the outcome data draws never shift the work history's. */
    private static final long OUTCOMES = 0x0C7C0E5L;
    private static final double CAP = 0.95;
    private static final long DAY = 86_400;
    private static final String[] SEGMENTS = {"SMB", "Mid-Market", "Enterprise"};
    private static final String[] OPEN_STAGES = {"Qualification", "Needs Analysis", "Proposal/Price Quote"};

    private final OutcomeSettings settings;
    private final List<SimulatedCampaign> campaigns;
    private final Map<String, Double> lifts = new TreeMap<>();
    private final SplittableRandom random;
    private final long until;

    private OutcomeSimulator(List<SimulatedCampaign> campaigns, OutcomeSettings settings) {
        this.settings = settings;
        this.campaigns = campaigns.stream().sorted(Comparator.comparing(SimulatedCampaign::launch)
                .thenComparing(SimulatedCampaign::itemId)).toList();
        this.random = new SplittableRandom(settings.seed() ^ OUTCOMES);
        this.until = settings.until().getEpochSecond();
        TreeSet<String> channels = new TreeSet<>();
        campaigns.forEach(c -> channels.add(c.channel()));
        List<String> unnamed = new ArrayList<>(channels.stream().filter(c -> !settings.lifts().containsKey(c)).toList());
        // A seeded shuffle of a ladder of lifts: which channel works best differs by seed, never by chance alone.
        for (int i = unnamed.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = unnamed.get(i);
            unnamed.set(i, unnamed.get(j));
            unnamed.set(j, t);
        }
        for (int i = 0; i < unnamed.size(); i++) {
            double step = unnamed.size() == 1 ? 0 : (0.25 - 0.03) * i / (unnamed.size() - 1);
            lifts.put(unnamed.get(i), Math.round((0.25 - step) * 1000) / 1000.0);
        }
        channels.forEach(c -> {
            if (settings.lifts().containsKey(c)) {
                lifts.put(c, settings.lifts().get(c));
            }
        });
    }

    /**
     * The outcome data of {@code campaigns}; deterministic for the settings' seed.
     *
     * @throws IllegalArgumentException when the settings are unusable (the message says which)
     */
    public static SimulatedOutcomes run(List<SimulatedCampaign> campaigns, OutcomeSettings settings) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", settings.problems()));
        }
        return new OutcomeSimulator(campaigns, settings).simulate();
    }

    private record Touch(long at, int person, SimulatedCampaign campaign) {
    }

    private SimulatedOutcomes simulate() {
        StringBuilder leads = new StringBuilder("Lead ID,Email,Company,Lead Status,Lead Source,Segment,Created Date,"
                + "MQL Date,SQL Date,Converted Date,Converted Opportunity ID\n");
        StringBuilder opps = new StringBuilder("Opportunity ID,Opportunity Name,Account Name,Stage,Amount,Created Date,"
                + "Close Date,Lead Source,Primary Campaign Source,Segment\n");
        StringBuilder touches = new StringBuilder("email,account,time,channel,campaign,utm_source,utm_medium,"
                + "utm_campaign,cost\n");
        Truth truth = new Truth();
        int touchCount = 0;
        int leadCount = 0;
        int oppCount = 0;
        for (int a = 1; a <= settings.accounts() && !campaigns.isEmpty(); a++) {
            SplittableRandom r = random.split();
            String company = "Company " + a;
            String domain = "company" + a + ".example";
            String segment = SEGMENTS[a % SEGMENTS.length];
            int people = 1 + r.nextInt(3);
            List<Touch> reached = reach(r, people);
            if (reached.isEmpty()) {
                continue;
            }
            for (Touch t : reached) {
                touchCount++;
                String channel = t.campaign.channel();
                touches.append(email(t.person, domain)).append(",,").append(Instant.ofEpochSecond(t.at)).append(',')
                        .append(csv(channel)).append(',').append(csv(t.campaign.name())).append(',')
                        .append(csv(slug(channel))).append(',').append(csv(slug(channel))).append(',')
                        .append(csv(t.campaign.name())).append(',').append(String.format(Locale.ROOT, "%.2f", cost(channel)))
                        .append('\n');
            }
            Set<String> channels = new TreeSet<>();
            reached.forEach(t -> channels.add(t.campaign.channel()));
            double p = chance(channels);
            boolean converts = r.nextDouble() < p;
            long first = reached.get(0).at;
            long last = reached.get(reached.size() - 1).at;
            long conversion = last + DAY + r.nextLong(7 * DAY);
            boolean censored = conversion > until;
            if (!censored) {
                truth.account(reached, channels, p, converts, this);
            } else {
                truth.censored++;
            }
            String source = reached.get(0).campaign.channel();
            String leadId = "00QSIM" + a;
            String person = email(reached.get(0).person, domain);
            long created = first + r.nextLong(Math.max(1, Math.min(2 * DAY, (conversion - first) / 4)));
            if (converts && !censored) {
                long mql = created + r.nextLong(Math.max(1, (conversion - created) / 3));
                long sql = mql + Math.min((long) (-Math.log(1 - r.nextDouble()) * 30 * 3600), (conversion - mql) * 9 / 10);
                String oppId = "006SIM" + a;
                leads.append(leadId).append(',').append(person).append(',').append(company).append(",Closed - Converted,")
                        .append(csv(source)).append(',').append(segment).append(',').append(at(created)).append(',')
                        .append(at(mql)).append(',').append(at(sql)).append(',').append(at(conversion)).append(',')
                        .append(oppId).append('\n');
                leadCount++;
                int outcome = r.nextInt(20);
                long close = conversion + (15 + r.nextInt(46)) * DAY;
                String stage = close > until ? OPEN_STAGES[r.nextInt(OPEN_STAGES.length)]
                        : outcome < 7 ? "Closed Won" : outcome < 12 ? "Closed Lost" : OPEN_STAGES[outcome % OPEN_STAGES.length];
                boolean closed = stage.startsWith("Closed");
                opps.append(oppId).append(',').append(company).append(" - new business,").append(company).append(',')
                        .append(csv(stage)).append(',').append(5_000 + 1_000 * r.nextInt(76)).append(',')
                        .append(at(conversion)).append(',').append(closed ? at(close) : "").append(',').append(csv(source))
                        .append(",,").append(segment).append('\n');
                oppCount++;
            } else if (created <= until && r.nextBoolean()) {
                leads.append(openLead(r, leadId, person, company, source, segment, created)).append('\n');
                leadCount++;
            }
        }
        return new SimulatedOutcomes(leads.toString(), opps.toString(), touches.toString(), truth.toMap(this),
                touchCount, leadCount, oppCount);
    }

    /** A lead that did not (yet) convert: open, handed over and waiting, worked, or sent back. */
    private String openLead(SplittableRandom r, String id, String email, String company, String source, String segment,
                            long created) {
        int kind = r.nextInt(10);
        long mql = created + r.nextLong(3 * DAY);
        long sql = mql + (long) (-Math.log(1 - r.nextDouble()) * 40 * 3600);
        String status;
        String mqlDate = "";
        String sqlDate = "";
        if (kind < 4 || mql > until) {
            status = "Open - Not Contacted";
        } else if (kind < 6 || (kind < 8 && sql > until)) {
            status = "Marketing Qualified";
            mqlDate = at(mql);
        } else if (kind < 8) {
            status = "Working - Contacted";
            mqlDate = at(mql);
            sqlDate = at(sql);
        } else {
            status = "Unqualified";
            mqlDate = at(mql);
        }
        return id + ',' + email + ',' + company + ',' + status + ',' + csv(source) + ',' + segment + ',' + at(created) + ','
                + mqlDate + ',' + sqlDate + ",,";
    }

    /** One to {@code maxTouches} (default four) campaigns launched within 30 days of the first, each touching once, oldest first. */
    private List<Touch> reach(SplittableRandom r, int people) {
        int k = 1 + r.nextInt(settings.maxTouches());
        SimulatedCampaign anchor = campaigns.get(r.nextInt(campaigns.size()));
        long from = anchor.launch().getEpochSecond() - 30 * DAY;
        long to = anchor.launch().getEpochSecond() + 30 * DAY;
        int lo = 0;
        while (lo < campaigns.size() && campaigns.get(lo).launch().getEpochSecond() < from) {
            lo++;
        }
        int hi = lo;
        while (hi < campaigns.size() && campaigns.get(hi).launch().getEpochSecond() <= to) {
            hi++;
        }
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            SimulatedCampaign c = i == 0 ? anchor : campaigns.get(lo + r.nextInt(hi - lo));
            long at = c.launch().getEpochSecond() + r.nextLong(21 * DAY);
            if (at <= until) {
                touches.add(new Touch(at - at % 60, r.nextInt(people), c));
            }
        }
        touches.sort(Comparator.comparingLong(Touch::at));
        return touches;
    }

    double chance(Set<String> channels) {
        double p = settings.baseRate();
        for (String c : channels) {
            p += lifts.getOrDefault(c, 0.0);
        }
        return Math.min(CAP, p);
    }

    private double cost(String channel) {
        // A fixed cost per touch per channel, from its name: the same channel costs the same in every run.
        return 2 + Math.floorMod(channel.hashCode(), 4000) / 100.0;
    }

    private static String email(int person, String domain) {
        return "person" + (person + 1) + "@" + domain;
    }

    private static String at(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** A CSV value, quoted when it must be. */
    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The true effects, summed over the accounts whose conversion could be seen before the end. */
    private static final class Truth {
        int accounts;
        int censored;
        int conversions;
        double expected;
        final Map<String, double[]> channels = new TreeMap<>();   // exposed accounts, caused conversions
        final Map<String, double[]> workTypes = new TreeMap<>();
        final Map<String, Set<String>> campaignsByChannel = new HashMap<>();
        final Map<String, Set<String>> campaignsByType = new HashMap<>();

        void account(List<Touch> touches, Set<String> reached, double p, boolean converts, OutcomeSimulator sim) {
            accounts++;
            expected += p;
            conversions += converts ? 1 : 0;
            for (String c : reached) {
                Set<String> without = new HashSet<>(reached);
                without.remove(c);
                double[] t = channels.computeIfAbsent(c, k -> new double[2]);
                t[0]++;
                t[1] += p - sim.chance(without);
            }
            Map<String, Set<String>> typesOfChannel = new HashMap<>();
            for (Touch t : touches) {
                typesOfChannel.computeIfAbsent(t.campaign.channel(), k -> new HashSet<>()).add(t.campaign.workType());
                campaignsByChannel.computeIfAbsent(t.campaign.channel(), k -> new TreeSet<>()).add(t.campaign.name());
                campaignsByType.computeIfAbsent(t.campaign.workType(), k -> new TreeSet<>()).add(t.campaign.name());
            }
            Set<String> types = new TreeSet<>();
            typesOfChannel.values().forEach(types::addAll);
            for (String type : types) {
                Set<String> without = new HashSet<>(reached);
                // A channel is lost with the type only when no campaign of another type brought it.
                typesOfChannel.forEach((channel, ts) -> {
                    if (ts.size() == 1 && ts.contains(type)) {
                        without.remove(channel);
                    }
                });
                double[] t = workTypes.computeIfAbsent(type, k -> new double[2]);
                t[0]++;
                t[1] += p - sim.chance(without);
            }
        }

        Map<String, Object> toMap(OutcomeSimulator sim) {
            double caused = channels.values().stream().mapToDouble(t -> t[1]).sum();
            List<Map<String, Object>> byChannel = new ArrayList<>();
            for (Map.Entry<String, Double> e : sim.lifts.entrySet()) {
                double[] t = channels.getOrDefault(e.getKey(), new double[2]);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("channel", e.getKey());
                m.put("lift", e.getValue());
                m.put("campaigns", campaignsByChannel.getOrDefault(e.getKey(), Set.of()).size());
                m.put("accountsReached", (long) t[0]);
                m.put("causedConversions", round(t[1]));
                m.put("removalEffect", expected == 0 ? 0.0 : round(t[1] / expected));
                m.put("share", caused == 0 ? 0.0 : round(t[1] / caused));
                byChannel.add(m);
            }
            List<Map<String, Object>> byType = new ArrayList<>();
            workTypes.forEach((type, t) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("workType", type);
                m.put("campaigns", campaignsByType.getOrDefault(type, Set.of()).size());
                m.put("accountsReached", (long) t[0]);
                m.put("causedConversions", round(t[1]));
                m.put("removalEffect", expected == 0 ? 0.0 : round(t[1] / expected));
                byType.add(m);
            });
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("model", "an account reached by the channels S creates an opportunity with chance "
                    + "min(0.95, baseRate + sum of lift over S)");
            map.put("baseRate", sim.settings.baseRate());
            map.put("accounts", accounts);
            map.put("accountsCensored", censored);
            map.put("expectedConversions", round(expected));
            map.put("conversions", conversions);
            map.put("lookbackDays", 90);
            map.put("channels", byChannel);
            map.put("workTypes", byType);
            return map;
        }

        private static double round(double x) {
            return Math.round(x * 1e6) / 1e6;
        }
    }
}
