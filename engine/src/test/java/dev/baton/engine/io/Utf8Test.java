package dev.baton.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static String read(byte[] bytes) throws IOException {
        try (Reader r = Utf8.reader(new ByteArrayInputStream(bytes))) {
            StringWriter out = new StringWriter();
            r.transferTo(out);
            return out.toString();
        }
    }

    @Test
    void readsUtf8AndSkipsALeadingByteOrderMark() throws IOException {
        assertThat(read("case,activity\nc1,Café ☕ 𝄞\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("case,activity\nc1,Café ☕ 𝄞\n");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'c', 'a', 's', 'e'};
        assertThat(read(bom)).isEqualTo("case");
        assertThat(read(new byte[0])).isEmpty();
    }

    @Test
    void keepsSayingEndOfInputWhenAskedAgain() throws IOException {
        try (Reader r = Utf8.reader(new ByteArrayInputStream("ab".getBytes(StandardCharsets.UTF_8)))) {
            char[] buffer = new char[8];
            assertThat(r.read(buffer, 0, 8)).isEqualTo(2);
            assertThat(r.read(buffer, 0, 8)).isEqualTo(-1);
            assertThat(r.read(buffer, 0, 8)).isEqualTo(-1);
        }
    }

    @Test
    void refusesLatin1SayingTheByteAndLine() {
        byte[] latin1 = "case,activity\nc1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(latin1)).isInstanceOf(NotTextException.class)
                .hasMessage("not UTF-8 at byte 20 (line 2); save the export as UTF-8");
    }

    @Test
    void refusesLatin1FarIntoALongFile() {
        byte[] lines = "a,b\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[lines.length + 1];
        System.arraycopy(lines, 0, bytes, 0, lines.length);
        bytes[lines.length] = (byte) 0xE9;
        assertThatThrownBy(() -> read(bytes)).hasMessage("not UTF-8 at byte 200000 (line 50001); save the export as UTF-8");
    }

    @Test
    void refusesANulByteAsBinary() {
        byte[] bytes = "é,b\nc\0".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(bytes)).hasMessage("a NUL byte at byte 6 (line 2): expected text, found binary data");
    }
}
