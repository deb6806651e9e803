package dev.baton.exchange.table;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.exchange.source.BatonPayloads;
import dev.baton.exchange.xes.XesWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the log as a CSV event table, one row per event: {@code case}, {@code activity},
 * {@code timestamp} and {@code resource} as pm4py, Disco and {@code baton discover} expect them,
 * then the Baton columns ({@code work_type}, {@code type}, {@code id}, {@code version},
 * {@code data}) that {@code baton import csv} reads back into the same events.
 */
public final class CsvEventWriter implements Closeable {

    static final String[] HEADER = {"case", "activity", "timestamp", "resource", "work_type", "type", "id", "version",
            "data"};

    private final CSVPrinter csv;

    public CsvEventWriter(Writer out) throws IOException {
        csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').setHeader(HEADER).get());
    }

    public void event(RecordedEvent e) throws IOException {
        csv.printRecord(e.stream(), BatonPayloads.activity(e.event()), e.at().toString(), e.actor(), e.workType(),
                e.type(), XesWriter.eventId(e), e.version(), BatonPayloads.json(e.event()));
    }

    @Override
    public void close() throws IOException {
        csv.close(true);
    }
}
