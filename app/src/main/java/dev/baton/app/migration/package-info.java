/**
 * Migrating work in flight to another model version through the server: a preview (which items
 * move where, which cannot and why) and applying it (one {@code ItemMigrated} per item, all in one
 * transaction). The engine decides ({@link dev.baton.engine.migration.MigrationDecider}); the REST
 * API ({@code api.MigrationController}), the Migrate page ({@code web.MigrationPage}) and
 * {@code baton migrate} on a log file share the same decision and the same JSON.
 */
package dev.baton.app.migration;
