package dev.baton.model;

/** A shared definition of success; {@code target} is null when none is declared. */
public record Metric(String id, String name, String unit, String definition, Double target) {
}
