package dev.baton.app.demo;

import dev.baton.app.outcome.OutcomeImports;
import dev.baton.app.server.Console;
import dev.baton.app.store.ClusterJobs;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.measure.simulation.CampaignCollector;
import dev.baton.measure.simulation.OutcomeSettings;
import dev.baton.measure.simulation.OutcomeSimulator;
import dev.baton.measure.simulation.SimulatedCampaign;
import dev.baton.measure.simulation.SimulatedOutcomes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The quarter of history a demo server starts with: on the first start of {@code baton serve
 * --demo} (an empty event log), the B2B SaaS example is stored as the current model and the
 * debt simulator ({@code baton simulate}) generates thirteen weeks of work up to today, with its
 * default, moderate debt. The events go into the event store like any other, stream by stream
 * in time order, so the engine folds them as it folds its own: boards, item pages, intake and
 * the debt dashboard all show the same history. Events the simulation places after now are left
 * out: that work is simply still in progress. The engine depends on this bean, so it catches up
 * on the history when it starts. The quarter's campaigns also leave outcome data (touchpoints,
 * leads, opportunities), imported into the outcome store as exports are.
 */
@Component
public class DemoHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);

    /**
     * Items that arrive over the demo quarter: enough for full boards and a readable debt report.
     * {@code baton.demo.items} changes it (the page benchmark seeds 100,000).
     */
    static final int ITEMS = 420;
    static final long SEED = 20260105L;

    private final boolean loaded;

    public DemoHistory(@Value("${baton.demo.history:false}") boolean history,
                       @Value("${baton.demo.items:" + ITEMS + "}") int items, EventStore store, ModelVersions versions,
                       Clock clock, ObjectProvider<Console> console, ObjectProvider<OutcomeImports> outcomes,
                       ClusterJobs jobs) {
        Console out = console.getIfAvailable(() -> LOG::info);
        boolean[] done = {false};
        if (history) {
            // Servers started together on a new database: one loads the quarter, the others then find the log
            // not empty (docs/cluster.md).
            jobs.runInTurn(ClusterJobs.Job.DEMO_HISTORY, () -> done[0] = store.readAll(0, 1).isEmpty()
                    && load(store, versions, clock, out, items, outcomes.getIfAvailable()));
        }
        this.loaded = done[0];
    }

    /** Whether this start loaded the demo history. */
    public boolean loaded() {
        return loaded;
    }

    private static boolean load(EventStore store, ModelVersions versions, Clock clock, Console out, int items,
                                OutcomeImports outcomes) {
        ModelVersion model = versions.current().orElseGet(() -> {
            ModelUpload upload = versions.upload("examples/b2b-saas.yaml", demoModel(), "baton");
            if (!upload.accepted()) {
                throw new IllegalStateException("the demo model is not stored: " + (upload.refused()
                        ? upload.refusal().detail() : upload.report().errors()));
            }
            // Said as the server's start-up says it when it stores a model.
            out.println("Stored examples/b2b-saas.yaml as model version " + upload.version().number());
            return upload.version();
        });
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        LocalDate start = today.minusWeeks(SimulationSettings.DEFAULT_WEEKS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        SimulationSettings settings = new SimulationSettings(items, SEED, start, SimulationSettings.DEFAULT_WEEKS,
                DebtRates.DEFAULT);
        Map<String, List<PendingEvent>> streams = new LinkedHashMap<>();
        int[] count = {0};
        CampaignCollector campaigns = new CampaignCollector(model.model(), CampaignCollector.DEFAULT_LINK_FIELD);
        Simulator.run(model.model(), settings, e -> {
            if (!e.at().isAfter(now)) {
                campaigns.accept(e);
                streams.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(new PendingEvent(e.at(), e.actor(),
                        e.workType(), model.number(), e.event()));
                count[0]++;
            }
        });
        // All streams at once, in the order they began: one transaction in bulk (100,000 items take a minute or two).
        store.appendNewStreams(streams);
        out.println("Demo: loaded a simulated quarter of history (" + streams.size() + " items and requests, "
                + count[0] + " events from " + start + " to today)");
        if (outcomes != null && campaigns.hasCampaignTypes()) {
            loadOutcomes(outcomes, campaigns.campaigns(), now, out);
        }
        return true;
    }

    /**
     * The outcome data the quarter's campaigns produced ({@code baton simulate --touchpoints --crm}),
     * imported as the Import page imports exports, so the Outcomes page has a funnel and attribution.
     */
    private static void loadOutcomes(OutcomeImports outcomes, List<SimulatedCampaign> campaigns, Instant now, Console out) {
        SimulatedOutcomes data = OutcomeSimulator.run(campaigns, new OutcomeSettings(SEED, OutcomeSettings.DEFAULT_ACCOUNTS,
                OutcomeSettings.DEFAULT_BASE_RATE, Map.of(), OutcomeSettings.DEFAULT_MAX_TOUCHES, now));
        // The mapping names the link field, so outcomes join back to the campaign items that made them.
        String mapping = "campaigns:\n  link-field: " + CampaignCollector.DEFAULT_LINK_FIELD + "\n";
        outcomes.store("salesforce-leads", SimulatedOutcomes.LEADS, data.leadsCsv().getBytes(StandardCharsets.UTF_8),
                mapping, "baton");
        outcomes.store("salesforce-opportunities", SimulatedOutcomes.OPPORTUNITIES,
                data.opportunitiesCsv().getBytes(StandardCharsets.UTF_8), null, "baton");
        outcomes.store("touchpoints", SimulatedOutcomes.TOUCHPOINTS, data.touchpointsCsv().getBytes(StandardCharsets.UTF_8),
                null, "baton");
        out.println("Demo: imported the campaigns' outcome data (" + data.touchpoints() + " touchpoints, " + data.leads()
                + " leads, " + data.opportunities() + " opportunities)");
    }

    private static String demoModel() {
        try (InputStream in = DemoHistory.class.getResourceAsStream("/demo/b2b-saas.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the demo model is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
