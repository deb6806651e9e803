package dev.baton.insight.debt;

/**
 * Where an observation belongs in the breakdowns: its work type, function, team, person, ISO week
 * ({@code 2026-W03}) and stage ({@code campaign/qa}); null leaves it out of that breakdown.
 */
record Attribution(String workType, String function, String team, String person, String week, String stage) {

    String key(Dimension d) {
        return switch (d) {
            case WORK_TYPE -> workType;
            case FUNCTION -> function;
            case TEAM -> team;
            case PERSON -> person;
            case WEEK -> week;
            case STAGE -> stage;
        };
    }
}
