package dev.baton.app.outcome;

import dev.baton.measure.funnel.FunnelJson;
import dev.baton.app.json.Json;
import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionJson;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.attribution.AttributionResult;
import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.Funnel;
import dev.baton.measure.funnel.FunnelEntities;
import dev.baton.measure.funnel.FunnelReport;
import dev.baton.measure.metric.MetricActuals;
import dev.baton.measure.metric.MetricReport;
import dev.baton.model.OperatingModel;
import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The funnel and attribution of the stored outcome data, with the CLI's defaults (journeys per
 * account, conversion when an opportunity is created, 90 days' lookback): the Outcomes page and
 * {@code /api/v1/outcomes/*} show what {@code baton funnel} and {@code baton attribute --crm} print
 * on the same exports.
 */
@Service
public class OutcomeReports {

    public static final JourneyOptions OPTIONS = new JourneyOptions(TouchIndex.By.ACCOUNT,
            JourneyOptions.Conversion.CREATED, Duration.ofDays(90));

    /** The dimensions of {@code by}, as the API and the page name them. */
    public static final List<String> BY = List.of("campaign", "channel", "work-type", "segment", "quarter", "none");

    /** Every model side by side: one result a model, or none when no journey has a touch. */
    public record ModelResults(List<AttributionResult> results, List<String> channels, OutcomeJourneys.Cut cut) {
    }

    private final OutcomeImports imports;

    public OutcomeReports(OutcomeImports imports) {
        this.imports = imports;
    }

    public OutcomeImports.Stored stored() {
        return imports.stored();
    }

    public static Dimension dimension(String by) {
        return Dimension.valueOf(by.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    public FunnelReport funnel(OutcomeImports.Stored stored, String by) {
        return funnel(stored, by, Map.of());
    }

    /** The funnel; by work type, {@code relabel} names each campaign's work type ({@link CampaignOutcomes#relabel}). */
    public FunnelReport funnel(OutcomeImports.Stored stored, String by, Map<String, String> relabel) {
        OutcomeImports.Derived d = stored.derived();
        synchronized (d) {
            record Key(String by, Map<String, String> relabel) {
            }
            Key key = new Key(by, Map.copyOf(relabel));
            FunnelReport report = d.funnels.get(key);
            if (report == null) {
                report = Funnel.compute(stored.read().data(), identities(stored), stored.mapping(), dimension(by), OPTIONS,
                        relabel, touches(stored));
                d.funnels.put(key, report);
            }
            return report;
        }
    }

    /** The stored data's identities, matched once per reading. */
    public Identities identities(OutcomeImports.Stored stored) {
        OutcomeImports.Derived d = stored.derived();
        synchronized (d) {
            if (d.identities == null) {
                d.identities = IdentityMatcher.match(stored.read().data(), stored.mapping().identity());
            }
            return d.identities;
        }
    }

    /** The stored touches indexed per account ({@link #OPTIONS}), once per reading. */
    public TouchIndex touches(OutcomeImports.Stored stored) {
        OutcomeImports.Derived d = stored.derived();
        synchronized (d) {
            if (d.index == null) {
                d.index = TouchIndex.build(stored.read().data(), identities(stored), stored.mapping(), OPTIONS.by());
            }
            return d.index;
        }
    }

    /** The model's metrics measured per period against their targets, from the stored outcome data. */
    public MetricReport metrics(OutcomeImports.Stored stored, OperatingModel model) {
        return MetricActuals.compute(model.metrics(), entities(stored));
    }

    /** The funnel's entities one by one, for figures that need each record's own dates. */
    public FunnelEntities entities(OutcomeImports.Stored stored) {
        return FunnelEntities.of(stored.read().data(), identities(stored), stored.mapping(), OPTIONS, touches(stored));
    }

    public ModelResults attribution(OutcomeImports.Stored stored) {
        OutcomeJourneys.Cut cut = OutcomeJourneys.cut(stored.read().data(), identities(stored), OPTIONS, touches(stored));
        if (cut.empty()) {
            return new ModelResults(List.of(), List.of(), cut);
        }
        List<AttributionResult> results = new ArrayList<>();
        for (AttributionModel model : AttributionModel.values()) {
            results.add(Attribution.run(model, cut.journeys(), new AttributionOptions(1, 1)));
        }
        return new ModelResults(results, cut.journeys().channels(), cut);
    }

    /** The funnel's JSON: the contract of {@code baton funnel --format json}. */
    public Map<String, Object> funnelJson(OutcomeImports.Stored stored, String by, Map<String, String> relabel) {
        return FunnelJson.report(funnel(stored, by, relabel), "account", "created", stored.read().files(), stored.read().notes());
    }

    /** Every model's result (the contract of {@code baton attribute --format json}), and each channel's share by model. */
    public Map<String, Object> attributionJson(OutcomeImports.Stored stored) {
        ModelResults m = attribution(stored);
        List<Map<String, Object>> shares = new ArrayList<>();
        for (String channel : m.channels()) {
            Map<String, Object> byModel = new LinkedHashMap<>();
            for (AttributionResult r : m.results()) {
                byModel.put(r.model().id(), share(r, channel));
            }
            shares.add(Json.ordered("channel", channel, "shares", byModel));
        }
        var result = m.cut().result();
        return Json.ordered("per", "account", "conversion", "created", "lookbackDays", 90.0,
                "journeys", result.journeys().size(),
                "converted", result.journeys().stream().filter(dev.baton.measure.journey.Journey::converted).count(),
                "conversionsWithoutTouch", result.untouched(),
                "models", m.results().stream().map(r -> Json.ordered("model", r.model().id(), "explanation",
                        r.explanation(), "result", AttributionJson.result(r))).toList(),
                "channels", shares);
    }

    /** The channel's share of the model's conversions, in [0, 1]; null when the model credits none. */
    public static Double share(AttributionResult r, String channel) {
        if (r.totalConversions() == 0) {
            return null;
        }
        return r.channels().stream().filter(c -> c.channel().equals(channel)).mapToDouble(c -> c.conversions()).sum()
                / r.totalConversions();
    }
}
