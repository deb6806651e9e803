package dev.baton.measure.attribution;

import java.util.Objects;

/**
 * Which columns of a paths CSV hold what, and how a path is split into channels. The defaults are
 * those of ChannelAttribution's {@code PathData}: {@code path} ("a > b > c"), {@code total_conversions},
 * {@code total_conversion_value}, {@code total_null}, separator {@code >}.
 *
 * @param path          the column of paths
 * @param conversions   the column of conversion counts (required)
 * @param value         the column of conversion values
 * @param nulls         the column of non-converting journey counts
 * @param separator     what separates channels in a path; channel names are trimmed of spaces
 * @param valueRequired whether a missing value column is an error (true when a user named it);
 *                      when false and the column is absent, every value is 0
 * @param nullsRequired likewise for the nulls column
 */
public record PathColumns(String path, String conversions, String value, String nulls, String separator,
                          boolean valueRequired, boolean nullsRequired) {

    public static final PathColumns DEFAULTS = new PathColumns("path", "total_conversions", "total_conversion_value",
            "total_null", ">", false, false);

    public PathColumns {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(conversions, "conversions");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(nulls, "nulls");
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("the separator must not be empty");
        }
    }
}
