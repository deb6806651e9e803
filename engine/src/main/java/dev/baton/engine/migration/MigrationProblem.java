package dev.baton.engine.migration;

/**
 * A mistake in a migration request, found before any item is looked at: {@code where} names the
 * part of the request ({@code fromVersion}, {@code map[2] 'design=build'}), {@code what} says
 * what was expected.
 *
 * @param kind MALFORMED when the request cannot be read at all (an entry without {@code =}, a
 *             missing version); INVALID when it reads but names what the models do not have
 */
public record MigrationProblem(Kind kind, String where, String what) {

    public enum Kind { MALFORMED, INVALID }

    @Override
    public String toString() {
        return where + ": " + what;
    }
}
