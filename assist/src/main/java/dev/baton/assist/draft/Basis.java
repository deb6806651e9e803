package dev.baton.assist.draft;

import java.util.List;

/**
 * What a draft rests on, for the person deciding on it: the request, a past brief (with its
 * similarity), the model, a configured AI model; and which fields each gave.
 *
 * @param source the same word as the fields' {@code source}
 * @param text   one sentence naming it ("past item item-12 'Fintech paid social…', similarity 0.81")
 */
public record Basis(String source, String text, List<String> fields) {

    public Basis {
        fields = List.copyOf(fields);
    }
}
