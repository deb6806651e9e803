package dev.baton.scale.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream and position the shuffle groups and orders lines by, also when the cheap scan cannot be sure. */
class LineKeyTest {

    private static final String LINE = "{\"position\":3,\"stream\":\"item-7\",\"version\":2,\"at\":\"2026-03-02T09:15:00Z\","
            + "\"actor\":\"maya\",\"workType\":\"campaign\",\"modelVersion\":1,\"commandId\":null,\"type\":\"StageEntered\","
            + "\"data\":{\"from\":\"brief\",\"to\":\"build\",\"rework\":false}}";

    @Test
    void batonsOwnLinesAreCutFromTheEnvelope() {
        assertThat(LineKey.of(LINE)).isEqualTo(new LineKey("item-7", 3));
    }

    @Test
    void anEscapedStreamOrKeysAfterTheDataAreDecoded() {
        String escaped = LINE.replace("\"item-7\"", "\"item\\u002d7\"");
        String dataFirst = "{\"data\":{\"from\":\"brief\",\"to\":\"build\",\"rework\":false},\"type\":\"StageEntered\","
                + "\"stream\":\"item-9\",\"position\":12,\"version\":2,\"at\":\"2026-03-02T09:15:00Z\",\"actor\":\"maya\","
                + "\"workType\":\"campaign\",\"modelVersion\":1}";

        assertThat(List.of(LineKey.of(escaped), LineKey.of(dataFirst)))
                .containsExactly(new LineKey("item-7", 3), new LineKey("item-9", 12));
    }

    @Test
    void aLineThatIsNoEventGoesToTheUnreadableStreamForItsReaderToSay() {
        assertThat(LineKey.of("{\"stream\": \"x\"").stream()).isEqualTo(LineKey.UNREADABLE);
        assertThat(LineKey.of("not json").stream()).isEqualTo(LineKey.UNREADABLE);
    }

    @Test
    void linesReadAsOneTextEachEndedByALineBreak() throws Exception {
        var in = new LinesInputStream(List.of("{\"a\":1}", "", "é").iterator());

        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n\né\n");
    }
}
