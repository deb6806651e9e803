package dev.baton.assist.summary;

import java.util.List;

/**
 * One sentence of a summary and the events it rests on ({@code stream#version}), so that every
 * statement can be checked against the log.
 *
 * @param kind {@code what} (what the item is), {@code where} (its stage and owner), {@code waiting}
 *             (what is waiting on whom), {@code history} (rework, rejections), {@code recent} (the latest comments)
 */
public record Fact(String kind, String text, List<String> events) {

    public Fact {
        events = List.copyOf(events);
    }
}
