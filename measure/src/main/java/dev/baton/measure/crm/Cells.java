package dev.baton.measure.crm;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The values of the current CSV record as {@link Rows} reads them: trimmed, null when empty, and
 * the repeating ones (channels, campaigns, emails) kept once. Two readings give the same values:
 * Commons CSV's records, and {@link ScannedCells}' records scanned as bytes.
 */
interface Cells {

    /** How many values the record has. */
    int size();

    /** Whether the record is one blank value (a blank line), which is skipped. */
    boolean blank();

    /** Value {@code i}, trimmed; null when empty or when the record is shorter. */
    String cell(int i);

    /** {@link #cell}, kept once per distinct value. */
    String pooled(int i);

    /** {@link #cell} in lower case (an email address), kept once per distinct value. */
    String pooledEmail(int i);

    /** The values of a Commons CSV record (set with {@link #at} for each record). */
    final class Commons implements Cells {
        /** Low-cardinality values (channels, campaigns, stages) are kept once, not once per row. */
        private final Map<String, String> pool = new HashMap<>();
        private CSVRecord record;

        void at(CSVRecord record) {
            this.record = record;
        }

        @Override
        public int size() {
            return record.size();
        }

        @Override
        public boolean blank() {
            return record.size() == 1 && record.get(0).isBlank();
        }

        @Override
        public String cell(int i) {
            if (i >= record.size()) {
                return null;
            }
            String v = record.get(i).trim();
            return v.isEmpty() ? null : v;
        }

        @Override
        public String pooled(int i) {
            String v = cell(i);
            return v == null ? null : pool.computeIfAbsent(v, k -> k);
        }

        @Override
        public String pooledEmail(int i) {
            String v = SalesforceRows.email(cell(i));
            return v == null ? null : pool.computeIfAbsent(v, k -> k);
        }
    }
}
