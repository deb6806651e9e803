package dev.baton.exchange.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceChangeCodecTest {

    @Test
    void aChangeSpilledToDiskComesBackWithItsItemsEffort() throws Exception {
        SourceItem item = new SourceItem("MKT-1", "Campaign", "MKT", List.of("q2"), "Spring campaign", "Done", true,
                Map.of("original-estimate-hours", 40.0, "story-points", 8.0));
        SourceChange change = new SourceChange(item, "jira:1:created", Instant.parse("2026-02-02T09:00:00Z"), "ann",
                ChangeKind.CREATED, "status", null, "To Do");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SourceChangeCodec.INSTANCE.write(new DataOutputStream(bytes), change);
        SourceChange back = SourceChangeCodec.INSTANCE.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back).isEqualTo(change);
        assertThat(back.item().effort()).containsEntry("story-points", 8.0);
    }
}
