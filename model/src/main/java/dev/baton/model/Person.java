package dev.baton.model;

/** A person in a function, with the hours a week they have for this work (null when not declared). */
public record Person(String id, String name, String function, Capacity capacity) implements Party {
    @Override
    public String functionId() {
        return function;
    }

    @Override
    public String kind() {
        return "person";
    }
}
