/**
 * CSV read as bytes: records split without a String per field ({@link dev.baton.measure.csv.CsvScanner}) and
 * byte strings numbered by their bytes ({@link dev.baton.measure.csv.ByteSliceIndex}), for the readers of
 * million-row files (attribution paths, touchpoints).
 */
package dev.baton.measure.csv;
