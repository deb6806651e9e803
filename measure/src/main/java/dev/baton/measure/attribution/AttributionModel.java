package dev.baton.measure.attribution;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The attribution models by the names the command line and the JSON output use. */
public enum AttributionModel {
    FIRST_TOUCH("first-touch"),
    LAST_TOUCH("last-touch"),
    LINEAR("linear"),
    LINEAR_UNIQUE("linear-unique"),
    TIME_DECAY("time-decay"),
    POSITION_BASED("position-based"),
    MARKOV("markov"),
    SHAPLEY("shapley"),
    SHAPLEY_ORDERED("shapley-ordered"),
    SHAPLEY_RATE("shapley-rate");

    private final String id;

    AttributionModel(String id) {
        this.id = id;
    }

    /** The model's name, e.g. {@code first-touch}. */
    public String id() {
        return id;
    }

    /** The model named {@code id}, in any case ({@code Markov} is {@code markov}). */
    public static Optional<AttributionModel> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(AttributionModel::id).toList();
    }
}
