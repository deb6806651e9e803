package dev.baton.measure.mapping;

import dev.baton.measure.mapping.OutcomeMapping.CampaignRules;
import dev.baton.measure.mapping.OutcomeMapping.HandoffRules;
import dev.baton.measure.mapping.OutcomeMapping.IdentityRules;
import dev.baton.measure.outcome.ExportKind;
import dev.baton.measure.outcome.FunnelStages;
import dev.baton.model.WorkDuration;
import dev.baton.model.problem.Problem;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.Severity;
import dev.baton.model.problem.SourceMap;
import dev.baton.model.problem.Suggestions;
import dev.baton.model.yaml.Entries;
import dev.baton.model.yaml.NodeReader;
import dev.baton.model.yaml.SafeYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an outcome mapping (docs/outcomes.md#mapping) with the model's YAML rules, as the import
 * mappings are read: every mistake with its line and column, all of them in one run. JSON is YAML,
 * so a JSON mapping reads too.
 */
public final class OutcomeMappingReader {

    static final List<String> TOP = List.of("source", "dates", "funnel", "stages", "stage-dates", "columns", "files",
            "identity", "campaigns", "handoff");
    static final List<String> FUNNEL = List.of("stages", "opportunity");
    static final List<String> IDENTITY = List.of("personal-domains", "emails", "domains", "accounts");
    static final List<String> CAMPAIGNS = List.of("link-field", "channels", "aliases");
    static final List<String> HANDOFF = List.of("from", "to", "sla", "never-worked-after");

    /** The mapping read, or null when it has errors. */
    public record Result(OutcomeMapping mapping, List<Problem> problems) {
        public boolean valid() {
            return mapping != null;
        }
    }

    private OutcomeMappingReader() {
    }

    public static Result read(String text) {
        Problems problems = new Problems(new SourceMap());
        Node root;
        try {
            root = SafeYaml.compose(text);
        } catch (SafeYaml.SyntaxError e) {
            problems.add(Severity.ERROR, "invalid-yaml", "", e.position(), e.getMessage());
            return new Result(null, problems.sorted());
        }
        if (root == null) {
            return new Result(OutcomeMapping.DEFAULT, List.of());
        }
        NodeReader reader = new NodeReader(problems);
        Entries top = reader.mapping(root, "", "an outcome mapping", TOP);
        if (top == null) {
            return new Result(null, problems.sorted());
        }
        boolean dayFirst = false;
        if (top.given("dates")) {
            String dates = top.choice("dates", false, List.of("month-first", "day-first"),
                    v -> v.equals("month-first") || v.equals("day-first") ? java.util.Optional.of(v)
                            : java.util.Optional.empty(), "how slashed dates read");
            dayFirst = "day-first".equals(dates);
        }
        List<String> stageIds = FunnelStages.DEFAULT;
        String opportunity = "opportunity";
        Node funnelNode = null;
        if (top.given("funnel")) {
            Entries f = reader.mapping(top.node("funnel"), "funnel", "the funnel", FUNNEL);
            if (f != null) {
                funnelNode = f.node("stages");
                List<String> ids = f.ids("stages", "a funnel stage id");
                if (f.given("stages") && ids.size() < 2) {
                    problems.add(Severity.ERROR, "bad-value", "funnel.stages", NodeReader.position(f.node("stages")),
                            "expected at least two funnel stages (the first entered, the last won), found " + ids.size());
                } else if (!ids.isEmpty()) {
                    stageIds = ids;
                }
                String o = f.id("opportunity", false, "the stage an opportunity enters");
                if (o != null) {
                    opportunity = known(problems, stageIds, o, "funnel.opportunity", f.node("opportunity"));
                }
            }
        }
        if (!stageIds.contains(opportunity)) {
            problems.add(Severity.ERROR, "missing-key", "funnel", funnelNode == null ? NodeReader.position(root)
                    : NodeReader.position(funnelNode), "expected 'funnel.opportunity' to name the stage an opportunity "
                    + "enters, found no stage 'opportunity' among " + stageIds);
            opportunity = stageIds.get(stageIds.size() - 1);
        }
        List<String> outcomes = new ArrayList<>(stageIds);
        outcomes.add(FunnelStages.LOST);
        outcomes.add(FunnelStages.REJECTED);
        Map<String, String> stages = pairs(reader, top, "stages", outcomes, "a funnel stage, lost or rejected");
        Map<String, String> stageDates = new LinkedHashMap<>();
        for (var e : OutcomeMapping.DEFAULT_STAGE_DATES.entrySet()) {
            if (stageIds.contains(e.getValue())) {
                stageDates.put(e.getKey(), e.getValue());
            }
        }
        stageDates.putAll(pairs(reader, top, "stage-dates", stageIds, "a funnel stage"));
        Map<String, Map<String, String>> columns = columns(reader, top);
        Map<String, String> files = pairs(reader, top, "files", ExportKind.ids(), "an export kind");
        IdentityRules identity = IdentityRules.NONE;
        if (top.given("identity")) {
            Entries i = reader.mapping(top.node("identity"), "identity", "identity rules", IDENTITY);
            if (i != null) {
                identity = new IdentityRules(lower(i.texts("personal-domains", "an email domain")),
                        lowerKeys(pairs(reader, i, "emails", null, "an account (a domain or a name)")),
                        lowerKeys(pairs(reader, i, "domains", null, "an account (a domain or a name)")),
                        pairs(reader, i, "accounts", null, "an account domain"));
            }
        }
        CampaignRules campaigns = CampaignRules.NONE;
        if (top.given("campaigns")) {
            Entries c = reader.mapping(top.node("campaigns"), "campaigns", "campaign rules", CAMPAIGNS);
            if (c != null) {
                campaigns = new CampaignRules(c.id("link-field", false, "a template field id"),
                        pairs(reader, c, "channels", null, "a channel"), pairs(reader, c, "aliases", null, "a campaign"));
            }
        }
        String from = "mql";
        String to = "sql";
        HandoffRules handoff = HandoffRules.DEFAULT;
        if (top.given("handoff")) {
            Entries h = reader.mapping(top.node("handoff"), "handoff", "the lead handoff", HANDOFF);
            if (h != null) {
                if (h.given("from")) {
                    from = known(problems, stageIds, h.id("from", false, "a funnel stage"), "handoff.from", h.node("from"));
                }
                if (h.given("to")) {
                    to = known(problems, stageIds, h.id("to", false, "a funnel stage"), "handoff.to", h.node("to"));
                }
                WorkDuration sla = h.duration("sla");
                WorkDuration never = h.duration("never-worked-after");
                handoff = new HandoffRules(sla == null ? handoff.sla() : sla.value(),
                        never == null ? handoff.neverWorkedAfter() : never.value());
            }
        }
        if (!stageIds.contains(from) || !stageIds.contains(to)) {
            // Custom stages without mql/sql: the handoff is the step into the opportunity stage.
            int o = stageIds.indexOf(opportunity);
            to = stageIds.contains(to) ? to : stageIds.get(Math.max(1, o));
            from = stageIds.contains(from) ? from : stageIds.get(stageIds.indexOf(to) - 1);
        }
        if (problems.hasErrors()) {
            return new Result(null, problems.sorted());
        }
        FunnelStages funnel = new FunnelStages(stageIds, opportunity, from, to, stages);
        return new Result(new OutcomeMapping(dayFirst, funnel, columns, files, stageDates, identity, campaigns, handoff),
                problems.sorted());
    }

    private static String known(Problems problems, List<String> stageIds, String id, String path, Node node) {
        if (id != null && !stageIds.contains(id)) {
            problems.add(Severity.ERROR, "unknown-stage", path, NodeReader.position(node),
                    "expected a funnel stage (" + String.join(", ", stageIds) + "), found '" + id + "'"
                            + Suggestions.hint(id, stageIds));
        }
        return id;
    }

    /** {@code columns: {kind: {field: header}}}, each kind and field checked. */
    private static Map<String, Map<String, String>> columns(NodeReader reader, Entries top) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        if (!top.given("columns")) {
            return result;
        }
        Entries c = reader.mapping(top.node("columns"), "columns", "columns per export kind", ExportKind.ids());
        if (c == null) {
            return result;
        }
        for (String kindId : c.keys()) {
            ExportKind kind = ExportKind.byId(kindId).orElseThrow();
            List<String> fields = kind.fields().stream().map(ExportKind.Field::name).toList();
            Entries f = reader.mapping(c.node(kindId), c.path(kindId), "the fields of " + kind.label(), fields);
            if (f == null) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String field : f.keys()) {
                String header = f.text(field, false, "a column header");
                if (header != null) {
                    headers.put(field, header);
                }
            }
            result.put(kindId, headers);
        }
        return result;
    }

    /**
     * A mapping of free keys to values; when {@code allowed} is given, each value must be one of
     * them. Keys are kept as written (CRM values are matched ignoring case where they are used).
     */
    private static Map<String, String> pairs(NodeReader reader, Entries parent, String key, List<String> allowed,
                                             String what) {
        if (!parent.given(key)) {
            return new LinkedHashMap<>();
        }
        return reader.pairs(parent.node(key), parent.path(key), "names", "a name", what, false, (node, path) -> {
            String value = reader.text(node, path, what);
            if (value != null && allowed != null && !allowed.contains(value)) {
                reader.problems().add(Severity.ERROR, "bad-value", path, NodeReader.position(node),
                        "expected " + what + " (" + String.join(", ", allowed) + "), found '" + value + "'"
                                + Suggestions.hint(value, allowed));
                return null;
            }
            return value;
        });
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static Map<String, String> lowerKeys(Map<String, String> map) {
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
        return result;
    }

    /** A whole-day lookback such as {@code 90d}, as the CLI's {@code --lookback} takes it. */
    public static java.util.Optional<Duration> duration(String text) {
        return WorkDuration.parse(text).map(WorkDuration::value);
    }
}
