package dev.baton.measure.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a comparison is judged; the names are what users write. */
public enum Method {
    /** Welch t-test at a fixed sample size. */
    FREQUENTIST,
    /** Effect-based Gaussian posterior: chance to win and risk. */
    BAYESIAN,
    /** Asymptotic confidence sequences: valid at every look. */
    SEQUENTIAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Method::id).toList();
    }

    public static Optional<Method> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }
}
