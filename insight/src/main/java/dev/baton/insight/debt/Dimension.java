package dev.baton.insight.debt;

/** The ways the report breaks every component down. */
public enum Dimension {
    WORK_TYPE("workType"), FUNCTION("function"), TEAM("team"), PERSON("person"), WEEK("week"), STAGE("stage");

    private final String id;

    Dimension(String id) {
        this.id = id;
    }

    /** The key in JSON output. */
    public String id() {
        return id;
    }
}
