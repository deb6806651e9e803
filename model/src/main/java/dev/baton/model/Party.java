package dev.baton.model;

/**
 * Someone who can own work or hold a decision right: a whole function, a team or a person.
 * Models refer to parties by id, and ids are unique across the three kinds.
 */
public sealed interface Party permits BusinessFunction, Team, Person {
    String id();

    String name();

    /** The function this party belongs to (a function belongs to itself). */
    String functionId();

    /** "function", "team" or "person", for messages. */
    String kind();
}
