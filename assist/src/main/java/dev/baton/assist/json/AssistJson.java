package dev.baton.assist.json;

import dev.baton.assist.draft.Basis;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftField;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.gate.GateCondition;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.ledger.BeforeAfter;
import dev.baton.assist.ledger.LedgerRow;
import dev.baton.assist.ledger.LeverageLedger;
import dev.baton.assist.routing.RoutingSuggestion;
import dev.baton.assist.similar.Match;
import dev.baton.assist.summary.Fact;
import dev.baton.assist.summary.ItemSummary;
import dev.baton.assist.variants.MessageVariant;
import dev.baton.assist.variants.MessageVariants;
import dev.baton.assist.variants.VariantRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the assistants (docs/assist.md, "JSON"): plain maps and lists in a stable key
 * order, for the command line and the API alike. Shares are rounded to four decimals, whole
 * numbers written without a fraction, and an unknown figure is null, never NaN.
 */
public final class AssistJson {

    private AssistJson() {
    }

    /** {@code baton assist draft}: the work type, its gate, who drafted, the draft and what it rests on. */
    public static Map<String, Object> draft(Gate gate, String provider, BriefDraft draft) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workType", gate.workType());
        json.put("ready", gate.ready());
        json.put("override", gate.override());
        json.put("failing", conditions(gate.failing()));
        json.put("provider", provider);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, DraftField> f : draft.fields().entrySet()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("value", value(f.getValue().value()));
            field.put("source", f.getValue().source());
            fields.put(f.getKey(), field);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", draft.template());
        body.put("fields", fields);
        body.put("missing", draft.missing());
        json.put("draft", body);
        List<Object> basis = new ArrayList<>();
        for (Basis b : draft.basis()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", b.source());
            entry.put("text", b.text());
            entry.put("fields", b.fields());
            basis.add(entry);
        }
        json.put("basis", basis);
        return json;
    }

    /**
     * {@code baton assist variants}: whether variants were written (and why not), the ownership
     * foundations, the item's gate when the brief is an item's, and one draft per segment.
     *
     * @param gate the item's work-type gate, or null for a brief read from a file
     */
    public static Map<String, Object> variants(VariantRequest request, Gate gate, MessageVariants result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("available", result.available());
        json.put("reason", result.reason());
        json.put("provider", result.provider());
        json.put("subject", request.subject());
        json.put("workType", request.workType());
        if (gate != null) {
            json.put("ready", gate.ready());
            json.put("override", gate.override());
            json.put("failing", conditions(gate.failing()));
        }
        json.put("foundations", conditions(result.foundations()));
        json.put("segments", request.segments());
        List<Object> variants = new ArrayList<>();
        for (MessageVariant v : result.variants()) {
            Map<String, Object> entry = new LinkedHashMap<>(v.fields());
            entry.put("source", v.source());
            variants.add(entry);
        }
        json.put("variants", variants);
        return json;
    }

    /** A gate on its own: whether the assistant may run, each condition with its reason and fix. */
    public static Map<String, Object> gate(Gate gate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("assistant", gate.assistant().id());
        json.put("workType", gate.workType());
        json.put("ready", gate.ready());
        json.put("allowed", gate.allowed());
        json.put("override", gate.override());
        json.put("conditions", conditions(gate.conditions()));
        return json;
    }

    private static List<Object> conditions(List<GateCondition> conditions) {
        List<Object> list = new ArrayList<>();
        for (GateCondition c : conditions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", c.id());
            entry.put("title", c.title());
            entry.put("pass", c.pass());
            entry.put("reason", c.reason());
            entry.put("fix", c.fix());
            list.add(entry);
        }
        return list;
    }

    /** One match: {@code item} or {@code request} (its id), title, similarity, work type, stage or status. */
    public static Map<String, Object> match(Match m) {
        PastWork w = m.work();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(w.kind().id(), w.id());
        json.put("title", w.title());
        json.put("similarity", round(m.similarity()));
        json.put("workType", w.workType());
        json.put("state", w.state());
        json.put("open", w.open());
        return json;
    }

    public static List<Object> matches(List<Match> matches) {
        List<Object> list = new ArrayList<>();
        matches.forEach(m -> list.add(match(m)));
        return list;
    }

    public static Map<String, Object> routing(RoutingSuggestion r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workType", r.workType());
        json.put("confidence", round(r.confidence()));
        json.put("owner", r.owner());
        List<Object> candidates = new ArrayList<>();
        for (RoutingSuggestion.Load l : r.candidates()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("person", l.person());
            c.put("openItems", l.openItems());
            candidates.add(c);
        }
        json.put("candidates", candidates);
        json.put("reasons", r.reasons());
        return json;
    }

    public static Map<String, Object> summary(ItemSummary s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", s.item());
        json.put("title", s.title());
        json.put("workType", s.workType());
        List<Object> facts = new ArrayList<>();
        for (Fact f : s.facts()) {
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("kind", f.kind());
            fact.put("text", f.text());
            fact.put("events", f.events());
            facts.add(fact);
        }
        json.put("facts", facts);
        return json;
    }

    /** {@code baton assist ledger}: the thresholds, then one row per work type and assistant. */
    public static Map<String, Object> ledger(String log, List<LedgerRow> rows) {
        return ledger(log, rows, null);
    }

    /**
     * The ledger with each row's before and after ({@code "beforeAfter"}, null when the row has none).
     *
     * @param beforeAfter {@link BeforeAfter#of}'s rows, or null when not computed (no model): then
     *                    every {@code "beforeAfter"} is null
     */
    public static Map<String, Object> ledger(String log, List<LedgerRow> rows, List<BeforeAfter.Row> beforeAfter) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("log", log);
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("maxDiscardedShare", LeverageLedger.MAX_DISCARDED_SHARE);
        thresholds.put("maxMeanEditedShare", LeverageLedger.MAX_MEAN_EDITED_SHARE);
        thresholds.put("fewDecisions", LeverageLedger.FEW_DECISIONS);
        json.put("thresholds", thresholds);
        List<Object> list = new ArrayList<>();
        for (LedgerRow r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("workType", r.workType());
            row.put("assistant", r.assistant());
            row.put("offered", r.offered());
            row.put("acceptedUnchanged", r.acceptedUnchanged());
            row.put("acceptedAfterEdits", r.acceptedAfterEdits());
            row.put("meanEditedShare", round(r.meanEditedShare()));
            row.put("meanEditedShareOfAccepted", round(r.meanEditedShareOfAccepted()));
            row.put("discarded", r.discarded());
            row.put("discardedShare", round(r.discardedShare()));
            row.put("pending", r.pending());
            row.put("medianHoursToDecision", round(r.medianHoursToDecision()));
            row.put("overridden", r.overridden());
            List<Object> enabled = new ArrayList<>();
            for (LedgerRow.Enablement e : r.enabled()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("by", e.by());
                entry.put("at", e.at());
                entry.put("reason", e.reason());
                enabled.add(entry);
            }
            row.put("enabledByOverride", enabled);
            row.put("verdict", r.verdict());
            row.put("reason", r.reason());
            row.put("beforeAfter", beforeAfter == null ? null : beforeAfter.stream()
                    .filter(b -> java.util.Objects.equals(b.workType(), r.workType()) && b.assistant().equals(r.assistant()))
                    .findFirst().map(AssistJson::beforeAfter).orElse(null));
            list.add(row);
        }
        json.put("ledger", list);
        return json;
    }

    private static Map<String, Object> beforeAfter(BeforeAfter.Row b) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabledAt", b.enabledAt().toString());
        json.put("how", b.how());
        json.put("before", window(b.before()));
        json.put("after", window(b.after()));
        json.put("summary", b.summary());
        return json;
    }

    private static Map<String, Object> window(BeforeAfter.Window w) {
        if (w == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", w.from() == null ? null : w.from().toString());
        json.put("to", w.to() == null ? null : w.to().toString());
        json.put("coordinationShare", round(w.coordinationShare()));
        json.put("hoursLost", round(w.hoursLost()));
        json.put("hoursLostPerWeek", round(w.hoursLostPerWeek()));
        return json;
    }

    /** A field value as JSON shows it: a whole number without a fraction. */
    static Object value(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return v;
    }

    static Double round(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return null;
        }
        return Math.round(v * 10_000) / 10_000.0;
    }
}
