package dev.baton.model.problem;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each path of the model was written in the file. The model records stay free of
 * positions; checks that run after reading look positions up here by path.
 */
public final class SourceMap {

    private final Map<String, Position> positions = new HashMap<>();

    public void put(String path, Position position) {
        positions.putIfAbsent(path, position);
    }

    /** The position of the path, or of its nearest written ancestor (a default may have no text). */
    public Position positionOf(String path) {
        String p = path;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return positions.getOrDefault("", Position.UNKNOWN);
            }
            p = p.substring(0, cut);
        }
    }

    public boolean contains(String path) {
        return positions.containsKey(path);
    }
}
