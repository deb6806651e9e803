package dev.baton.app.outcome;

import java.time.Instant;

/**
 * One imported outcome export: a CRM report or touchpoint file, kept beside the work event log.
 *
 * @param source      salesforce, hubspot or touchpoints
 * @param contentHash SHA-256 of the kind and the bytes: the same export again changes nothing
 */
public record OutcomeBatch(String id, String kind, String source, String fileName, String contentHash, long rows,
                           String importedBy, Instant importedAt, boolean hasMapping) {

    static String source(String kind) {
        return kind.startsWith("salesforce") ? "salesforce" : kind.startsWith("hubspot") ? "hubspot" : "touchpoints";
    }
}
