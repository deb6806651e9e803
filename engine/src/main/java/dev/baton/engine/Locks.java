package dev.baton.engine;

/**
 * Striped locks: commands on one stream run one at a time, commands on different streams mostly
 * in parallel. Items and requests have separate stripes, because accepting a request creates an
 * item while holding the request's lock.
 */
final class Locks {

    private static final int STRIPES = 256;

    private final Object[] items = new Object[STRIPES];
    private final Object[] requests = new Object[STRIPES];

    Locks() {
        for (int i = 0; i < STRIPES; i++) {
            items[i] = new Object();
            requests[i] = new Object();
        }
    }

    Object item(String stream) {
        return items[Math.floorMod(stream.hashCode(), STRIPES)];
    }

    Object request(String stream) {
        return requests[Math.floorMod(stream.hashCode(), STRIPES)];
    }
}
