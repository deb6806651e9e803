package dev.baton.model;

import java.util.List;

/** A team inside one function, with its members (people ids). */
public record Team(String id, String name, String function, List<String> members) implements Party {
    @Override
    public String functionId() {
        return function;
    }

    @Override
    public String kind() {
        return "team";
    }
}
