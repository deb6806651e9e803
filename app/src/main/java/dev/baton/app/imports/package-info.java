/**
 * Imports through the server: a tool's export uploaded with an optional mapping, previewed (counts,
 * mapped stages and work types, unmapped values, the first events) and then stored in the server's
 * event log, all or nothing, each event once. The same importers as {@code baton import}
 * (dev.baton.exchange); the REST API and the Import page both call {@link dev.baton.app.imports.ServerImports}.
 */
package dev.baton.app.imports;
