package dev.baton.scale;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.Journeys;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import dev.baton.model.FunnelSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A made-up B2B company's Salesforce exports (leads, opportunities, campaign responses with and
 * without a type) and two touchpoint files (a.csv, b.csv) with repeats, ties, personal addresses
 * and account-only rows; deterministic by seed. For the tests and the bench.
 */
public final class TouchpointData {

    private TouchpointData() {
    }

    /** Where a company's exports and touchpoint files were written. */
    public record Company(Path crm, Path touchpoints) {
    }

    /** The company the Spark tests compare on: 150 accounts, two files of 6,000 touches, seed 7, under {@code dir}. */
    static Company testCompany(Path dir) throws IOException {
        Company company = new Company(dir.resolve("crm"), dir.resolve("touchpoints"));
        write(company.crm(), company.touchpoints(), 150, 6000, 7);
        return company;
    }

    public static void write(Path crm, Path touchpoints, int accounts, int touchesPerFile, long seed) throws IOException {
        Files.createDirectories(crm);
        Files.createDirectories(touchpoints);
        Random random = new Random(seed);
        StringBuilder leads = new StringBuilder("\"Lead ID\",\"Email\",\"Company\",\"Lead Status\",\"Created Date\"\n");
        StringBuilder opportunities = new StringBuilder("\"Opportunity ID\",\"Opportunity Name\",\"Account Name\","
                + "\"Stage\",\"Amount\",\"Created Date\",\"Close Date\"\n");
        for (int a = 0; a < accounts; a++) {
            for (int p = 0; p < 3; p++) {
                leads.append(String.format(Locale.ROOT, "\"00Q%05d%d\",\"p%d@acct%d.example\",\"Account %d\",\"Working\","
                        + "\"%d/%d/2025\"%n", a, p, p, a, a, 1 + random.nextInt(12), 1 + random.nextInt(28)));
            }
            int deals = random.nextInt(3);
            for (int d = 0; d < deals; d++) {
                int month = 2 + random.nextInt(10);
                opportunities.append(String.format(Locale.ROOT, "\"006%05d%d\",\"Deal %d-%d\",\"Account %d\",\"%s\","
                        + "\"%d\",\"%d/%d/2025\",\"%d/%d/2025\"%n", a, d, a, d, a,
                        random.nextBoolean() ? "Closed Won" : "Qualification", 1000 + random.nextInt(50_000), month,
                        1 + random.nextInt(28), Math.min(12, month + 1), 1 + random.nextInt(28)));
            }
        }
        // Campaign responses are touches too; one without a type takes its campaign's touches' most frequent channel.
        StringBuilder members = new StringBuilder("\"Campaign Name\",\"Email\",\"Member Status\",\"First Responded Date\","
                + "\"Campaign Type\"\n");
        for (int m = 0; m < 300; m++) {
            int a = random.nextInt(accounts);
            members.append(String.format(Locale.ROOT, "\"C%d\",\"p%d@acct%d.example\",\"Responded\",\"%d/%d/2025\",\"%s\"%n",
                    random.nextInt(14), random.nextInt(3), a, 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(4) == 0 ? "Event" : ""));
        }
        Files.writeString(crm.resolve("campaign-members.csv"), members);
        Files.writeString(crm.resolve("leads.csv"), leads);
        Files.writeString(crm.resolve("opportunities.csv"), opportunities);
        String[] channels = {"paid_search", "email", "webinar", "display", "organic", "partner"};
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        // Two files, read in name order; repeats, ties at the same second, personal addresses and account-only rows.
        for (String name : List.of("a.csv", "b.csv")) {
            StringBuilder csv = new StringBuilder("email,account,time,channel,campaign,cost\n");
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < touchesPerFile; i++) {
                int a = random.nextInt(accounts + 10);
                String email = random.nextInt(20) == 0 ? "someone" + a + "@gmail.com" : "p" + random.nextInt(3) + "@acct" + a
                        + ".example";
                boolean accountOnly = random.nextInt(15) == 0;
                String channel = channels[random.nextInt(channels.length)];
                String row = (accountOnly ? "" : email) + "," + (accountOnly ? "Account " + a : "") + ","
                        + start.plusSeconds(3600L * random.nextInt(24 * 360)) + "," + channel + ",C" + random.nextInt(12)
                        + "," + random.nextInt(50);
                rows.add(row);
                if (random.nextInt(40) == 0) {
                    rows.add(row);
                }
            }
            rows.forEach(r -> csv.append(r).append('\n'));
            Files.writeString(touchpoints.resolve(name), csv);
        }
    }

    /** What {@code baton attribute --touchpoints … --crm …} attributes: every file read together (as the CLI reads them), then cut. */
    public static dev.baton.measure.attribution.Journeys singleMachine(List<Path> files, Path mappingFile,
                                                                       JourneyOptions options) throws IOException {
        Read read = read(files, mappingFile, FunnelSettings.NONE);
        TouchIndex index = TouchIndex.build(read.crm().data(), read.identities(), read.mapping(), options.by());
        return Journeys.forModels(Journeys.build(read.crm().data(), read.identities(), index, options).journeys());
    }

    /**
     * What {@code baton funnel --crm CRM… --touchpoints TOUCHPOINTS… --by BY --format json} writes:
     * the files read together in that order (as the CLI reads them), the funnel, its JSON.
     */
    public static java.util.Map<String, Object> singleMachineFunnel(List<Path> crm, List<Path> touchpoints,
                                                                    Path mappingFile, JourneyOptions options,
                                                                    dev.baton.measure.funnel.Dimension by)
            throws IOException {
        return singleMachineFunnel(crm, touchpoints, mappingFile, null, options, by);
    }

    /** The same with {@code --model MODEL}: its funnel section names the stages, its metrics are measured. */
    public static java.util.Map<String, Object> singleMachineFunnel(List<Path> crm, List<Path> touchpoints,
                                                                    Path mappingFile, Path modelFile,
                                                                    JourneyOptions options,
                                                                    dev.baton.measure.funnel.Dimension by)
            throws IOException {
        List<Path> files = new ArrayList<>(crm);
        files.addAll(touchpoints);
        var model = modelFile == null ? null : dev.baton.model.validation.ModelValidation.validate(modelFile).model();
        Read read = read(files, mappingFile, model == null ? FunnelSettings.NONE : model.funnel());
        TouchIndex index = TouchIndex.build(read.crm().data(), read.identities(), read.mapping(), options.by());
        var report = dev.baton.measure.funnel.Funnel.compute(read.crm().data(), read.identities(), read.mapping(), by,
                options, java.util.Map.of(), index);
        var json = dev.baton.measure.funnel.FunnelJson.report(report, options.by().name().toLowerCase(Locale.ROOT),
                options.conversion().name().toLowerCase(Locale.ROOT), read.crm().files(), read.crm().notes());
        if (model != null) {
            json.put("metrics", dev.baton.measure.metric.MetricJson.report(dev.baton.measure.metric.MetricActuals.compute(
                    model.metrics(), dev.baton.measure.funnel.FunnelEntities.of(read.crm().data(), read.identities(),
                            read.mapping(), options, index))));
        }
        return json;
    }

    private record Read(OutcomeMapping mapping, CrmReader.Result crm, Identities identities) {
    }

    /** The files read together, with the mapping as the CLI reads it (and the operating model's funnel section). */
    private static Read read(List<Path> files, Path mappingFile, FunnelSettings funnel) throws IOException {
        OutcomeMapping mapping = mappingFile == null ? OutcomeMapping.DEFAULT
                : OutcomeMappingReader.read(Files.readString(mappingFile)).mapping();
        mapping = mapping.withFunnel(funnel);
        CrmReader.Result read = CrmReader.read(CrmReader.sources(files), mapping);
        if (!read.ok()) {
            throw new IllegalStateException("the files have problems: " + read.problems());
        }
        return new Read(mapping, read, IdentityMatcher.match(read.data(), mapping.identity()));
    }
}
