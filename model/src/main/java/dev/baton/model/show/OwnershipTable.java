package dev.baton.model.show;

import dev.baton.model.BusinessFunction;
import dev.baton.model.Component;
import dev.baton.model.OperatingModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who owns each component, with the smells called out: no owner, several owners, an owner the
 * model does not declare, and core components ({@link OperatingModel#CORE_COMPONENTS}) the model
 * leaves out altogether. Exactly one owner is the healthy case and gets no flag.
 */
public final class OwnershipTable {

    /** What is worth pointing out about a component's ownership. */
    public enum Flag {
        /** The component is declared without an owner. */
        NO_OWNER("no owner"),
        /** More than one owner: nobody is really accountable. */
        SEVERAL_OWNERS("several owners"),
        /** An owner id that is no function, team or person of the model. */
        UNKNOWN_OWNER("unknown owner"),
        /** A core component the model does not declare at all. */
        NOT_DECLARED("(not declared)");

        private final String text;

        Flag(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One component: its id and name, owner ids as declared, the functions those owners belong
     * to (names, distinct, in owner order), whether it is a core component, and its flags.
     */
    public record Row(String component, String name, List<String> owners, List<String> functions, boolean core,
                      Set<Flag> flags) {
    }

    private final List<Row> rows;

    private OwnershipTable(List<Row> rows) {
        this.rows = rows;
    }

    public static OwnershipTable of(OperatingModel model) {
        Parties parties = new Parties(model);
        List<Row> rows = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        for (Component c : Lenient.list(model.components())) {
            String id = Lenient.or(c.id(), "?");
            declared.add(id);
            List<String> owners = Lenient.list(c.owners());
            Set<String> functions = new LinkedHashSet<>();
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            for (String owner : owners) {
                Optional<BusinessFunction> function = parties.functionOf(owner);
                function.ifPresent(f -> functions.add(Lenient.or(f.name(), f.id())));
                if (parties.party(owner).isEmpty()) {
                    flags.add(Flag.UNKNOWN_OWNER);
                }
            }
            if (owners.isEmpty()) {
                flags.add(Flag.NO_OWNER);
            } else if (owners.size() > 1) {
                flags.add(Flag.SEVERAL_OWNERS);
            }
            rows.add(new Row(id, Lenient.or(c.name(), id), owners, List.copyOf(functions),
                    OperatingModel.CORE_COMPONENTS.contains(id), Set.copyOf(flags)));
        }
        for (String core : OperatingModel.CORE_COMPONENTS) {
            if (!declared.contains(core)) {
                rows.add(new Row(core, core, List.of(), List.of(), true, Set.of(Flag.NOT_DECLARED)));
            }
        }
        return new OwnershipTable(List.copyOf(rows));
    }

    /** Declared components in model order, then the missing core components in their usual order. */
    public List<Row> rows() {
        return rows;
    }

    /** The table, lines indented by two spaces; core components are marked "*". */
    public String render() {
        TextTable table = new TextTable("component", "owner", "function", "flags");
        for (Row row : rows) {
            String flags = Arrays.stream(Flag.values()).filter(row.flags()::contains).map(Flag::text)
                    .collect(Collectors.joining(", "));
            table.row(row.component() + (row.core() ? " *" : ""), String.join(", ", row.owners()),
                    String.join(", ", row.functions()), flags);
        }
        return table.render("  ") + "  * core component\n";
    }
}
