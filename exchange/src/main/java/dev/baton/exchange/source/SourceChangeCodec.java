package dev.baton.exchange.source;

import static dev.baton.exchange.io.SpillSort.readString;
import static dev.baton.exchange.io.SpillSort.writeString;

import dev.baton.engine.event.BatonEvent;
import dev.baton.exchange.io.SpillSort;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link SourceChange} as bytes, for readers that put changes in order on disk ({@link SpillSort}). */
public final class SourceChangeCodec implements SpillSort.Codec<SourceChange> {

    public static final SourceChangeCodec INSTANCE = new SourceChangeCodec();
    private static final ChangeKind[] KINDS = ChangeKind.values();

    private SourceChangeCodec() {
    }

    @Override
    public void write(DataOutput out, SourceChange c) throws IOException {
        SourceItem item = c.item();
        writeString(out, item.key());
        writeString(out, item.type());
        writeString(out, item.project());
        out.writeInt(item.labels().size());
        for (String label : item.labels()) {
            writeString(out, label);
        }
        writeString(out, item.title());
        writeString(out, item.status());
        out.writeByte(item.statusDone() == null ? 2 : item.statusDone() ? 1 : 0);
        out.writeInt(item.effort().size()); // effort figures are numbers (hours, points)
        for (var e : item.effort().entrySet()) {
            writeString(out, e.getKey());
            out.writeDouble(((Number) e.getValue()).doubleValue());
        }
        writeString(out, c.changeId());
        out.writeLong(c.at().getEpochSecond());
        out.writeInt(c.at().getNano());
        writeString(out, c.actor());
        out.writeByte(c.kind().ordinal());
        writeString(out, c.field());
        writeString(out, c.from());
        writeString(out, c.to());
        writeString(out, c.payload() == null ? null : c.payload().type());
        if (c.payload() != null) {
            writeString(out, BatonPayloads.json(c.payload()));
        }
    }

    @Override
    public SourceChange read(DataInput in) throws IOException {
        String key = readString(in);
        String type = readString(in);
        String project = readString(in);
        int labelCount = in.readInt();
        List<String> labels = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
            labels.add(readString(in));
        }
        String title = readString(in);
        String status = readString(in);
        byte done = in.readByte();
        int effortCount = in.readInt();
        java.util.Map<String, Object> effort = new java.util.TreeMap<>();
        for (int i = 0; i < effortCount; i++) {
            effort.put(readString(in), in.readDouble());
        }
        SourceItem item = new SourceItem(key, type, project, labels, title, status, done == 2 ? null : done == 1, effort);
        String changeId = readString(in);
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String actor = readString(in);
        ChangeKind kind = KINDS[in.readByte()];
        String field = readString(in);
        String from = readString(in);
        String to = readString(in);
        String payloadType = readString(in);
        BatonEvent payload = payloadType == null ? null : BatonPayloads.event(payloadType, readString(in));
        return new SourceChange(item, changeId, at, actor, kind, field, from, to, payload);
    }
}
