package dev.baton.insight.simulation;

import dev.baton.model.yaml.SafeYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A debt profile: the injected rates as a small YAML file, so that a scenario can be kept beside
 * its model. Keys (all optional; the defaults of {@link DebtRates#DEFAULT} fill the rest):
 * {@code skip-rate, rework-rate, urgent-rate, bounce-rate, sla-overrun, sla-overrun-factor,
 * sla-overrun-sigma, unowned-rate, no-goal-rate}.
 */
public final class DebtProfile {

    private static final Map<String, BiFunction<DebtRates, Double, DebtRates>> KEYS = Map.of(
            "skip-rate", DebtRates::withSkip,
            "rework-rate", DebtRates::withRework,
            "urgent-rate", DebtRates::withUrgent,
            "bounce-rate", DebtRates::withBounce,
            "sla-overrun", (r, v) -> r.withSlaOverrun(v, r.slaOverrunFactor(), r.slaOverrunSigma()),
            "sla-overrun-factor", (r, v) -> r.withSlaOverrun(r.slaOverrun(), v, r.slaOverrunSigma()),
            "sla-overrun-sigma", (r, v) -> r.withSlaOverrun(r.slaOverrun(), r.slaOverrunFactor(), v),
            "unowned-rate", DebtRates::withUnowned,
            "no-goal-rate", DebtRates::withNoGoal);

    private DebtProfile() {
    }

    /** A profile that could not be read: every problem, each with its line and column. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The rates of a profile, on top of {@code base}. */
    public static DebtRates read(String text, DebtRates base) throws Invalid {
        Node root;
        try {
            root = SafeYaml.compose(text);
        } catch (SafeYaml.SyntaxError e) {
            throw new Invalid(List.of(e.position().line() + ":" + e.position().column() + ": " + e.getMessage()));
        }
        if (root == null) {
            return base;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new Invalid(List.of(where(root) + "expected a mapping of rates such as 'skip-rate: 0.1'"));
        }
        List<String> problems = new ArrayList<>();
        DebtRates rates = base;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
            BiFunction<DebtRates, Double, DebtRates> with = key == null ? null : KEYS.get(key);
            if (with == null) {
                problems.add(where(tuple.getKeyNode()) + "expected one of " + String.join(", ", KEYS.keySet().stream()
                        .sorted().toList()) + ", found '" + key + "'");
                continue;
            }
            Node value = tuple.getValueNode();
            try {
                rates = with.apply(rates, Double.parseDouble(((ScalarNode) value).getValue()));
            } catch (ClassCastException | NumberFormatException e) {
                problems.add(where(value) + key + ": expected a number");
            }
        }
        rates.problems().forEach(p -> problems.add(p));
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return rates;
    }

    private static String where(Node node) {
        return (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1) + ": ";
    }
}
