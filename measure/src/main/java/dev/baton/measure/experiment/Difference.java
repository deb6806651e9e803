package dev.baton.measure.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What is compared: the relative lift (m_B − m_A)/|m_A| or the absolute difference m_B − m_A. */
public enum Difference {
    RELATIVE,
    ABSOLUTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Difference::id).toList();
    }

    public static Optional<Difference> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }
}
