package dev.baton.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A team's operating model: who takes part, what they own, how each kind of work flows, where
 * it is handed over and who decides. Read from {@code apiVersion: baton/v1} YAML.
 */
public record OperatingModel(String apiVersion, String name, String version,
                             List<BusinessFunction> functions, List<Team> teams, List<Person> people,
                             List<Component> components, List<Metric> metrics, List<Template> templates,
                             List<WorkType> workTypes, List<Handoff> handoffs, Intake intake,
                             DebtSettings debt, FunnelSettings funnel) {

    /** A model without a {@code funnel:} section: the outcome funnel's defaults apply. */
    public OperatingModel(String apiVersion, String name, String version, List<BusinessFunction> functions,
                          List<Team> teams, List<Person> people, List<Component> components, List<Metric> metrics,
                          List<Template> templates, List<WorkType> workTypes, List<Handoff> handoffs, Intake intake,
                          DebtSettings debt) {
        this(apiVersion, name, version, functions, teams, people, components, metrics, templates, workTypes, handoffs,
                intake, debt, FunnelSettings.NONE);
    }

    public static final String API_VERSION = "baton/v1";

    /** The components every GTM team needs an owner for. */
    public static final List<String> CORE_COMPONENTS = List.of(
            "audience", "content", "messaging", "channels", "data", "reporting", "instrumentation");

    public Optional<Party> party(String id) {
        return Stream.<Party>concat(Stream.concat(functions.stream(), teams.stream()), people.stream())
                .filter(p -> java.util.Objects.equals(p.id(), id))
                .findFirst();
    }

    /** The function a party id belongs to, when the party is known. */
    public Optional<String> functionOf(String partyId) {
        return party(partyId).map(Party::functionId);
    }

    public Optional<BusinessFunction> function(String id) {
        return functions.stream().filter(f -> java.util.Objects.equals(f.id(), id)).findFirst();
    }

    public Optional<WorkType> workType(String id) {
        return workTypes.stream().filter(w -> java.util.Objects.equals(w.id(), id)).findFirst();
    }

    public Optional<Template> template(String id) {
        return templates.stream().filter(t -> java.util.Objects.equals(t.id(), id)).findFirst();
    }

    public Optional<Metric> metric(String id) {
        return metrics.stream().filter(m -> java.util.Objects.equals(m.id(), id)).findFirst();
    }

    public List<Handoff> handoffsOf(String workTypeId) {
        return handoffs.stream().filter(h -> java.util.Objects.equals(h.workType(), workTypeId)).toList();
    }
}
