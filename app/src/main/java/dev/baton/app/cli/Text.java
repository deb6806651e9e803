package dev.baton.app.cli;

/** Small formatting helpers for text output. */
final class Text {

    private Text() {
    }

    /** A duration as people say it: {@code 2d 4h}, {@code 3h 5m}, {@code 45m}, {@code 12s}; {@code -} when unknown. */
    static String duration(long millis) {
        if (millis < 0) {
            return "-";
        }
        long seconds = millis / 1000;
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return hours > 0 ? days + "d " + hours + "h" : days + "d";
        }
        if (hours > 0) {
            return minutes > 0 ? hours + "h " + minutes + "m" : hours + "h";
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return seconds > 0 || millis == 0 ? seconds + "s" : millis + "ms";
    }
}
