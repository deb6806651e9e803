package dev.baton.insight.log;

import java.util.Arrays;

/**
 * An int array with value equality, as a hash key: a variant (activity codes), a marking (token
 * counts). The array is not copied; callers must not change it once used as a key.
 */
public record IntSequence(int[] values) implements java.io.Serializable {

    @Override
    public boolean equals(Object o) {
        return o instanceof IntSequence other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
