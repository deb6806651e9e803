package dev.baton.model;

/** A cross-functional participant such as Product, PMM, Content, Demand Gen, Sales, CS or Ops. */
public record BusinessFunction(String id, String name) implements Party {
    @Override
    public String functionId() {
        return id;
    }

    @Override
    public String kind() {
        return "function";
    }
}
