package dev.baton.model;

import java.util.Map;

/** The intake ranking scheme and its weights (input field → weight; needed for weighted). */
public record Prioritization(PrioritizationScheme scheme, Map<String, Double> weights) {
}
