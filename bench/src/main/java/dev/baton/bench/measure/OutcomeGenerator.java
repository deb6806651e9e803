package dev.baton.bench.measure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a Salesforce leads report, an opportunities report and a touchpoint file of a made-up
 * B2B company, deterministic by seed: {@code accounts} companies (5% of people write from
 * gmail.com), 12 channels, 40 campaigns, leads of which half became an opportunity, further
 * opportunities with no lead, and touches spread over 2025.
 */
public final class OutcomeGenerator {

    static final String[] CHANNELS = {"paid_search", "paid_social", "display", "email", "webinar", "event", "organic",
            "referral", "partner", "content", "direct_mail", "retargeting"};
    static final String[] SEGMENTS = {"SMB", "Mid-Market", "Enterprise"};
    static final String[] OPEN_STAGES = {"Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote"};
    static final LocalDate START = LocalDate.of(2025, 1, 1);

    /** What was written. */
    public record Files3(Path leads, Path opportunities, Path touchpoints) {
    }

    private OutcomeGenerator() {
    }

    public static Files3 write(Path dir, int accounts, int leads, int opportunities, int touchpoints, long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path leadFile = dir.resolve("leads.csv");
        Path oppFile = dir.resolve("opportunities.csv");
        Path touchFile = dir.resolve("touchpoints.csv");
        int converted = Math.min(leads / 2, opportunities);
        int[] oppAccount = new int[opportunities];
        long[] oppCreated = new long[opportunities];
        for (int o = 0; o < opportunities; o++) {
            oppAccount[o] = random.nextInt(accounts);
            oppCreated[o] = 30 + random.nextInt(300);
        }
        try (BufferedWriter w = Files.newBufferedWriter(leadFile, StandardCharsets.UTF_8)) {
            w.write("Lead ID,Email,Company,Lead Status,Lead Source,Segment,Created Date,MQL Date,SQL Date,"
                    + "Converted Date,Converted Opportunity ID\n");
            for (int l = 0; l < leads; l++) {
                boolean converts = l < converted;
                int account = converts ? oppAccount[l] : random.nextInt(accounts);
                long created = converts ? oppCreated[l] - 10 - random.nextInt(20) : random.nextInt(340);
                String email = random.nextInt(20) == 0 ? "p" + l + "@gmail.com" : "p" + l + "@acct" + account + ".example";
                String status;
                String mql = "";
                String sql = "";
                String conv = "";
                String opp = "";
                if (converts) {
                    status = "Closed - Converted";
                    mql = date(created + 2);
                    sql = date(created + 4 + random.nextInt(4));
                    conv = date(oppCreated[l]);
                    opp = "006" + l;
                } else {
                    int r = random.nextInt(4);
                    status = r == 0 ? "Open - Not Contacted" : r == 1 ? "Marketing Qualified" : r == 2
                            ? "Working - Contacted" : "Unqualified";
                    if (r >= 1) {
                        mql = date(created + 1 + random.nextInt(5));
                    }
                    if (r == 2) {
                        sql = date(created + 8 + random.nextInt(10));
                    }
                }
                w.write("00Q" + l + "," + email + ",Acct " + account + "," + status + "," + CHANNELS[random.nextInt(12)]
                        + "," + SEGMENTS[account % 3] + "," + date(created) + "," + mql + "," + sql + "," + conv + ","
                        + opp + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(oppFile, StandardCharsets.UTF_8)) {
            w.write("Opportunity ID,Opportunity Name,Account Name,Stage,Amount,Created Date,Close Date,Lead Source,"
                    + "Primary Campaign Source,Segment\n");
            for (int o = 0; o < opportunities; o++) {
                int r = random.nextInt(10);
                String stage = r < 3 ? "Closed Won" : r < 7 ? "Closed Lost" : OPEN_STAGES[random.nextInt(4)];
                String campaign = random.nextInt(10) < 4 ? "Campaign " + random.nextInt(40) : "";
                w.write("006" + o + ",Deal " + o + ",Acct " + oppAccount[o] + "," + stage + ","
                        + (1000 + random.nextInt(99_000)) + "," + date(oppCreated[o]) + ","
                        + date(oppCreated[o] + 10 + random.nextInt(80)) + "," + CHANNELS[random.nextInt(12)] + ","
                        + campaign + "," + SEGMENTS[oppAccount[o] % 3] + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(touchFile, StandardCharsets.UTF_8)) {
            w.write("email,account,time,channel,campaign,utm_source,utm_medium,utm_campaign,cost\n");
            StringBuilder b = new StringBuilder(128);
            for (int t = 0; t < touchpoints; t++) {
                int person = random.nextInt(Math.max(1, leads * 2));
                int account = person < leads ? (person < converted ? oppAccount[person] : person % accounts)
                        : random.nextInt(accounts);
                int channel = random.nextInt(12);
                long minute = random.nextLong(365L * 24 * 60);
                b.setLength(0);
                b.append(random.nextInt(20) == 0 ? "p" + person + "@gmail.com" : "p" + person + "@acct" + account
                        + ".example").append(',').append(',');
                b.append(Instant.ofEpochSecond(START.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + minute * 60));
                b.append(',').append(CHANNELS[channel]).append(",Campaign ").append(random.nextInt(40)).append(",,,,");
                b.append(channel < 3 || channel == 11 ? String.format(Locale.ROOT, "%.2f", random.nextDouble() * 20) : "0");
                b.append('\n');
                w.write(b.toString());
            }
        }
        return new Files3(leadFile, oppFile, touchFile);
    }

    /**
     * Writes the benchmark's files (20,000 accounts, 100,000 leads, 100,000 opportunities, 1,000,000
     * touchpoints, seed 42) into a directory, to time the whole command on them:
     * {@code java -cp bench/target/benchmarks.jar dev.baton.bench.measure.OutcomeGenerator DIR}, then
     * {@code java -jar app/target/baton.jar funnel --crm DIR/leads.csv DIR/opportunities.csv --touchpoints DIR/touchpoints.csv}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: OutcomeGenerator DIR (writes leads.csv, opportunities.csv and touchpoints.csv)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files3 files = write(dir, FunnelBenchmark.ACCOUNTS, FunnelBenchmark.LEADS, FunnelBenchmark.OPPORTUNITIES,
                FunnelBenchmark.TOUCHPOINTS, 42);
        System.out.println("wrote " + files.leads() + ", " + files.opportunities() + ", " + files.touchpoints());
    }

    /** A day of 2025 as Salesforce writes it for US users: month first. */
    private static String date(long dayOfYear) {
        LocalDate d = START.plusDays(Math.max(0, dayOfYear));
        return d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
    }
}
