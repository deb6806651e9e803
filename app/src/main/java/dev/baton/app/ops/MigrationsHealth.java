package dev.baton.app.ops;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /actuator/health/readiness}): every migration of the jar has been applied
 * to the database and none failed. A server on a database that an older or newer Baton migrated is
 * not ready, though it may be live.
 */
@Component("migrations")
class MigrationsHealth implements HealthIndicator {

    private final Flyway flyway;

    MigrationsHealth(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        MigrationInfo[] all = flyway.info().all();
        long pending = 0;
        String failed = null;
        String current = null;
        for (MigrationInfo m : all) {
            if (m.getState() == MigrationState.PENDING) {
                pending++;
            } else if (m.getState().isFailed()) {
                failed = m.getVersion() + " " + m.getDescription();
            } else if (m.getState().isApplied() && m.getVersion() != null) {
                current = m.getVersion().getVersion();
            }
        }
        Health.Builder health = failed == null && pending == 0 ? Health.up() : Health.down();
        health.withDetail("current", current == null ? "none" : current).withDetail("pending", pending);
        if (failed != null) {
            health.withDetail("failed", failed);
        }
        return health.build();
    }
}
