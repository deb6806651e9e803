package dev.baton.measure.identity;

import java.util.List;

/**
 * Records that could not be placed, listed rather than dropped silently.
 *
 * @param what     what they are ("touchpoints from personal email addresses")
 * @param count    how many
 * @param examples up to five of them, as the source names them
 * @param effect   what follows for the figures, and how to fix it
 */
public record Unmatched(String what, long count, List<String> examples, String effect)
        implements java.io.Serializable {
}
