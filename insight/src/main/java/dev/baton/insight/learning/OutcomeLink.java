package dev.baton.insight.learning;

import dev.baton.engine.item.WorkItem;
import java.util.List;

/**
 * How a work item names its CRM campaign: the value of its template field {@code campaign} (else
 * {@code campaign-name}, the example campaign brief's) when it has one, otherwise its title. The
 * name must equal the campaign's name in the CRM export (trimmed, any case). {@code via} says which,
 * for the sentence.
 */
public record OutcomeLink(String item, String value, String via) {

    public static final String FIELD = "campaign";
    static final List<String> FIELDS = List.of(FIELD, "campaign-name");

    public static OutcomeLink of(WorkItem item) {
        for (String name : FIELDS) {
            if (item.fields().get(name) instanceof String s && !s.isBlank()) {
                return new OutcomeLink(item.id().value(), s.strip(), "its " + name + " field");
            }
        }
        return new OutcomeLink(item.id().value(), item.title().strip(), "its title");
    }
}
