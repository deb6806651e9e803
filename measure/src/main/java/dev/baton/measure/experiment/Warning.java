package dev.baton.measure.experiment;

/**
 * A guardrail that fired: something that makes a result less trustworthy than its figures look.
 *
 * @param code    stable kebab-case id: {@code srm-mismatch}, {@code peeking}, {@code planned-size-not-reached},
 *                {@code cuped-imbalance}, {@code srm-not-checked}
 * @param metric  the metric it is about, or null for the whole experiment
 * @param message a sentence for a person: what was seen and what it means
 */
public record Warning(String code, String metric, String message) {
}
