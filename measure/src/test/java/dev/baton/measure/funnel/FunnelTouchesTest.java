package dev.baton.measure.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import dev.baton.measure.outcome.CampaignMember;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Touchpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The funnel's touches found in parts — each part the whole journeys of some accounts (or
 * persons), as baton-scale's partitions hold them — and merged give the funnel of all the touches
 * at once: every split, both journey keys, the example exports and a made-up company.
 */
class FunnelTouchesTest {

    @TempDir
    Path dir;

    @Test
    void theExampleExportsSplitInPartsGiveTheWholeFunnel() throws IOException {
        Path examples = FunnelTest.EXAMPLES;
        OutcomeMapping mapping = OutcomeMappingReader.read(Files.readString(examples.resolve("outcome-mapping.yaml")))
                .mapping();
        OutcomeData data = read(mapping, examples.resolve("salesforce"), examples.resolve("touchpoints.csv"));
        assertSplitsGiveTheWhole(data, mapping, Map.of("Q1 Search", "paid-campaign"));
    }

    @Test
    void aMadeUpCompanySplitInPartsGivesTheWholeFunnel() throws IOException {
        OutcomeData data = read(OutcomeMapping.DEFAULT, company(dir, new Random(11)));
        assertThat(data.touchpoints()).hasSizeGreaterThan(1000);
        Identities identities = IdentityMatcher.match(data, OutcomeMapping.DEFAULT.identity());
        FunnelReport byCampaign = Funnel.compute(data, identities, OutcomeMapping.DEFAULT, Dimension.CAMPAIGN,
                JourneyOptions.DEFAULT);
        assertThat(byCampaign.total().money().opportunitiesInfluenced()).as("touches reach opportunities").isPositive();
        assertThat(byCampaign.total().cost()).isPositive();
        assertThat(byCampaign.unmatched()).extracting(u -> u.what()).contains(
                "touchpoints from personal email addresses with no account", "campaign responses from personal email addresses");
        assertSplitsGiveTheWhole(data, OutcomeMapping.DEFAULT, Map.of("C1", "webinar-series", "C2", "webinar-series"));
    }

    private static void assertSplitsGiveTheWhole(OutcomeData data, OutcomeMapping mapping, Map<String, String> relabel) {
        Identities identities = IdentityMatcher.match(data, mapping.identity());
        for (TouchIndex.By per : TouchIndex.By.values()) {
            JourneyOptions options = new JourneyOptions(per, JourneyOptions.Conversion.CREATED, Duration.ofDays(60));
            for (Dimension by : Dimension.values()) {
                Map<String, String> labels = by == Dimension.WORK_TYPE ? relabel : Map.of();
                FunnelReport whole = Funnel.compute(data, identities, mapping, by, options, labels);
                for (int parts : new int[] {1, 3, 7}) {
                    FunnelTouches merged = inParts(data, identities, mapping, by, options, parts);
                    OutcomeData crmOnly = new OutcomeData(data.leads(), data.contacts(), data.opportunities(),
                            data.stageChanges(), data.campaignMembers(), List.of());
                    assertThat(Funnel.compute(crmOnly, identities, mapping, options, labels, merged))
                            .as(per + " by " + by + " in " + parts + " parts").isEqualTo(whole);
                }
                FunnelEntities entities = FunnelEntities.of(data, identities, mapping, options);
                FunnelEntities fromParts = FunnelEntities.of(data, identities, mapping,
                        inParts(data, identities, mapping, by, options, 3));
                assertThat(fromParts.deals()).isEqualTo(entities.deals());
            }
        }
    }

    /** The touches cut by journey into {@code parts} (those of no journey in part 0), found part by part and merged. */
    private static FunnelTouches inParts(OutcomeData data, Identities identities, OutcomeMapping mapping, Dimension by,
                                         JourneyOptions options, int parts) {
        TouchIndex.By per = options.by();
        // The campaign responses are given the channels of all the touches, as baton-scale gives them.
        List<CampaignMember> members = TouchIndex.withChannels(data.campaignMembers(),
                TouchIndex.build(data, identities, mapping, per).votes(), identities, mapping, per);
        List<List<Touchpoint>> touches = new ArrayList<>();
        List<List<CampaignMember>> responses = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            touches.add(new ArrayList<>());
            responses.add(new ArrayList<>());
        }
        for (Touchpoint t : data.touchpoints()) {
            touches.get(part(TouchIndex.keyOf(t, identities, per), parts)).add(t);
        }
        for (CampaignMember m : members) {
            responses.get(part(TouchIndex.keyOf(m, identities, per), parts)).add(m);
        }
        FunnelTouches merged = null;
        for (int p = parts - 1; p >= 0; p--) { // merged in any order
            OutcomeData part = new OutcomeData(data.leads(), data.contacts(), data.opportunities(), data.stageChanges(),
                    responses.get(p), touches.get(p));
            FunnelTouches found = FunnelTouches.of(part, identities, by, options,
                    TouchIndex.build(part, identities, mapping, per), data.asOf());
            merged = merged == null ? found : found.merge(merged);
        }
        return merged;
    }

    private static int part(String key, int parts) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), parts);
    }

    private static OutcomeData read(OutcomeMapping mapping, Path... files) throws IOException {
        CrmReader.Result read = CrmReader.read(CrmReader.sources(List.of(files)), mapping);
        assertThat(read.problems()).isEmpty();
        return read.data();
    }

    /**
     * Forty accounts' leads and opportunities (some with a primary campaign, some open), responses
     * with and without a type, and touches with costs, personal addresses and account-only rows.
     */
    static Path[] company(Path dir, Random random) throws IOException {
        StringBuilder leads = new StringBuilder("Lead ID,Email,Company,Lead Status,Created Date,Segment\n");
        StringBuilder deals = new StringBuilder("Opportunity ID,Account Name,Stage,Amount,Created Date,Close Date,"
                + "Primary Campaign Source\n");
        StringBuilder members = new StringBuilder("Campaign Name,Email,Member Status,First Responded Date,Campaign Type\n");
        StringBuilder touches = new StringBuilder("email,account,time,channel,campaign,cost\n");
        String[] channels = {"email", "webinar", "display", "paid_search"};
        for (int a = 0; a < 40; a++) {
            for (int p = 0; p < 2; p++) {
                leads.append("L").append(a).append('-').append(p).append(",p").append(p).append("@co").append(a)
                        .append(".example,Co ").append(a).append(',').append(random.nextBoolean() ? "Working" : "Qualified")
                        .append(",2025-").append(String.format("%02d", 1 + random.nextInt(12))).append("-10,")
                        .append(a % 3 == 0 ? "enterprise" : "").append('\n');
            }
            for (int d = 0; d < random.nextInt(3); d++) {
                int month = 2 + random.nextInt(10);
                boolean open = random.nextInt(4) == 0;
                deals.append("O").append(a).append('-').append(d).append(",Co ").append(a).append(',')
                        .append(open ? "Qualification" : random.nextBoolean() ? "Closed Won" : "Closed Lost").append(',')
                        .append(1000 + random.nextInt(9000)).append(",2025-").append(String.format("%02d", month))
                        .append("-05,").append(open ? "" : "2025-" + String.format("%02d", Math.min(12, month + 1)) + "-20")
                        .append(',').append(random.nextInt(5) == 0 ? "C" + random.nextInt(6) : "").append('\n');
            }
            members.append('C').append(random.nextInt(8)).append(",p0@co").append(a).append(".example,Responded,2025-")
                    .append(String.format("%02d", 1 + random.nextInt(12))).append("-03,")
                    .append(random.nextBoolean() ? "Event" : "").append('\n');
        }
        members.append("C7,nobody@gmail.com,Responded,2025-06-01,\n");
        for (int i = 0; i < 1500; i++) {
            int a = random.nextInt(44);
            int kind = random.nextInt(12);
            String email = kind == 0 ? "x" + a + "@gmail.com" : kind == 1 ? "" : "p" + random.nextInt(2) + "@co" + a + ".example";
            touches.append(email).append(',').append(kind == 1 ? "Co " + a : "").append(",2025-")
                    .append(String.format("%02d", 1 + random.nextInt(12))).append('-')
                    .append(String.format("%02d", 1 + random.nextInt(28))).append("T10:00:00Z,")
                    .append(channels[random.nextInt(channels.length)]).append(",C").append(random.nextInt(6)).append(',')
                    .append(random.nextInt(3) == 0 ? 0 : random.nextInt(40)).append('\n');
        }
        Path crm = Files.createDirectories(dir.resolve("crm"));
        Files.writeString(crm.resolve("leads.csv"), leads);
        Files.writeString(crm.resolve("opportunities.csv"), deals);
        Files.writeString(crm.resolve("campaign-members.csv"), members);
        Path touchpoints = dir.resolve("touchpoints.csv");
        Files.writeString(touchpoints, touches);
        return new Path[] {crm, touchpoints};
    }
}
