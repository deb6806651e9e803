package dev.baton.model.show;

import dev.baton.model.BusinessFunction;
import dev.baton.model.DecisionRights;
import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decision rights of one work type as a RACI matrix: a row per stage, a column per function of
 * the model. R is the driver, A the approver, C the contributors, I the informed; one party
 * holding several rights gets them combined in that order ("R/A").
 *
 * <p>Columns are functions because that is how GTM teams reason about cross-functional work
 * ("does Sales sign off?") and it keeps the matrix as narrow as the model has functions. A team
 * or person holding a right is put in its function's column and listed under the matrix by name,
 * so nothing is hidden. A party whose function is unknown (not declared, or a typo) gets a column
 * of its own, named by its id, after the functions.
 *
 * <p>When a stage declares no driver, its owner drives: owning a stage means driving it. Gate
 * approvers are not folded in: a gate is a check for leaving the stage (shown with the stage),
 * while A is the one party accountable for the decision.
 */
public final class RaciMatrix {

    /** One line explaining the letters, printed under the matrix. */
    public static final String LEGEND = "R drives (the stage owner when no driver is declared), A approves, "
            + "C contributes, I is informed";

    private static final List<Character> ORDER = List.of('R', 'A', 'C', 'I');

    private final List<String> columns;
    private final List<String> stages;
    private final Map<String, Map<String, Set<Character>>> cells;
    private final List<String> notes;

    private RaciMatrix(List<String> columns, List<String> stages, Map<String, Map<String, Set<Character>>> cells,
                       List<String> notes) {
        this.columns = columns;
        this.stages = stages;
        this.cells = cells;
        this.notes = notes;
    }

    public static RaciMatrix of(OperatingModel model, WorkType workType) {
        Parties parties = new Parties(model);
        Flow flow = new Flow(workType);
        Set<String> columns = new LinkedHashSet<>();
        parties.functions().forEach(f -> columns.add(f.id()));
        Map<String, Map<String, Set<Character>>> cells = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Stage stage : flow.stages()) {
            Map<String, Set<Character>> row = new LinkedHashMap<>();
            cells.put(stage.id(), row);
            DecisionRights d = stage.decision();
            String driver = d != null && d.driver() != null ? d.driver() : stage.owner();
            if (driver == null) {
                notes.add(stage.id() + ": nobody drives (no driver, no owner)");
            }
            // Rights held by a team or person, gathered so each holder gets one note per stage ("R/A ana").
            Map<String, Set<Character>> individual = new LinkedHashMap<>();
            for (Character letter : ORDER) {
                for (String partyId : holders(letter, driver, d)) {
                    String column = column(parties, partyId);
                    columns.add(column);
                    row.computeIfAbsent(column, c -> new LinkedHashSet<>()).add(letter);
                    if (!column.equals(partyId) || parties.party(partyId).isEmpty()) {
                        individual.computeIfAbsent(partyId, p -> new LinkedHashSet<>()).add(letter);
                    }
                }
            }
            individual.forEach((partyId, letters) -> notes.add(stage.id() + ": " + letters(letters) + " " + partyId
                    + " (" + describe(parties, partyId) + ")"));
        }
        return new RaciMatrix(List.copyOf(columns), List.copyOf(cells.keySet()), cells, List.copyOf(notes));
    }

    private static List<String> holders(char letter, String driver, DecisionRights d) {
        List<String> ids = switch (letter) {
            case 'R' -> driver == null ? List.of() : List.of(driver);
            case 'A' -> d == null || d.approver() == null ? List.of() : List.of(d.approver());
            case 'C' -> d == null ? List.of() : Lenient.list(d.contributors());
            default -> d == null ? List.of() : Lenient.list(d.informed());
        };
        return ids;
    }

    /** The column of a right holder: its function's, or its own id when its function is unknown. */
    private static String column(Parties parties, String partyId) {
        Optional<Party> party = parties.party(partyId);
        if (party.isPresent() && party.get() instanceof BusinessFunction) {
            return partyId;
        }
        return parties.functionOf(partyId).map(BusinessFunction::id).orElse(partyId);
    }

    /** Who a team or person is, for the notes under the matrix. */
    private static String describe(Parties parties, String partyId) {
        Optional<Party> party = parties.party(partyId);
        if (party.isEmpty()) {
            return "not declared in the model";
        }
        Optional<BusinessFunction> function = parties.functionOf(partyId);
        return Lenient.or(party.get().name(), partyId) + ", " + party.get().kind() + " in "
                + function.map(f -> Lenient.or(f.name(), f.id())).orElse(Lenient.dash(party.get().functionId()));
    }

    private static String letters(Set<Character> letters) {
        StringBuilder text = new StringBuilder();
        for (Character letter : ORDER) {
            if (letters.contains(letter)) {
                text.append(text.length() > 0 ? "/" : "").append(letter);
            }
        }
        return text.toString();
    }

    /** Function ids in model order, then ids of right holders with no known function. */
    public List<String> columns() {
        return columns;
    }

    /** Stage ids in the listed order. */
    public List<String> stages() {
        return stages;
    }

    /** The letters a column holds at a stage, such as "R/A"; empty when it holds none. */
    public String cell(String stage, String column) {
        return letters(cells.getOrDefault(stage, Map.of()).getOrDefault(column, Set.of()));
    }

    /** Which team or person holds a right in a function's column, and stages that nobody drives. */
    public List<String> notes() {
        return notes;
    }

    /** The matrix as an aligned table with its notes, lines indented by two spaces; "-" marks no right. */
    public String render() {
        if (stages.isEmpty()) {
            return "  (no stages declared)\n";
        }
        List<String> header = new ArrayList<>();
        header.add("stage");
        header.addAll(columns);
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (String stage : stages) {
            List<String> row = new ArrayList<>();
            row.add(stage);
            columns.forEach(c -> row.add(cell(stage, c)));
            table.row(row);
        }
        StringBuilder out = new StringBuilder(table.render("  "));
        out.append("  ").append(LEGEND).append('\n');
        notes.forEach(n -> out.append("  * ").append(n).append('\n'));
        return out.toString();
    }
}
