package dev.baton.model;

/**
 * A person in a function, with the hours a week they have for this work (null when not declared)
 * and their e-mail address (null when not declared): the address is how the same person is
 * recognised in other tools' exports (a Jira account, a calendar attendee, a CRM owner).
 */
public record Person(String id, String name, String function, Capacity capacity, String email) implements Party {

    /** A person without a declared e-mail address. */
    public Person(String id, String name, String function, Capacity capacity) {
        this(id, name, function, capacity, null);
    }

    @Override
    public String functionId() {
        return function;
    }

    @Override
    public String kind() {
        return "person";
    }
}
