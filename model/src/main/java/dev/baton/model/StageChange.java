package dev.baton.model;

/** A directed edge between two stages, written {@code review -> build}. */
public record StageChange(String from, String to) {

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
