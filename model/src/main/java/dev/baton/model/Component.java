package dev.baton.model;

import java.util.List;

/**
 * A thing someone must own: audience, content, messaging, channels, data, reporting,
 * instrumentation. Exactly one owner is healthy; none or several is an ownership smell.
 */
public record Component(String id, String name, List<String> owners) {
}
