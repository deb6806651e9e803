package dev.baton.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    private static byte[] gzip(byte[] content, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < times; i++) {
                out.write(content);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void readsAnOrdinaryGzipStreamAndRecognisesItByItsMagicBytes() throws IOException {
        byte[] text = "case,activity,timestamp\n".getBytes();
        try (InputStream in = Gzip.detect(new ByteArrayInputStream(gzip(text, 3)))) {
            assertThat(new String(in.readAllBytes())).isEqualTo("case,activity,timestamp\n".repeat(3));
        }
        try (InputStream in = Gzip.detect(new ByteArrayInputStream(text))) {
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
    }

    @Test
    void refusesAStreamThatExpandsBeyondTheRatioAfterTheFreeBytes() throws IOException {
        byte[] bomb = gzip(new byte[1 << 20], 64);
        Gzip.Limits limits = new Gzip.Limits(1L << 40, 200, 16L << 20);
        assertThatThrownBy(() -> {
            try (InputStream in = Gzip.open(new ByteArrayInputStream(bomb), limits)) {
                in.transferTo(OutputStreamNull.INSTANCE);
            }
        }).isInstanceOf(ExpansionRefusedException.class)
                .hasMessageStartingWith("expands beyond 200:1 (16 MB from ")
                .hasMessageContaining("which looks like a gzip bomb; refusing to read it");
    }

    @Test
    void refusesAStreamLargerThanTheMaximumWhateverItsRatio() throws IOException {
        byte[] zeros = gzip(new byte[1 << 20], 3);
        Gzip.Limits limits = new Gzip.Limits(2L << 20, 1_000_000, 1L << 20);
        assertThatThrownBy(() -> {
            try (InputStream in = Gzip.open(new ByteArrayInputStream(zeros), limits)) {
                in.transferTo(OutputStreamNull.INSTANCE);
            }
        }).isInstanceOf(ExpansionRefusedException.class).hasMessageStartingWith("expands beyond 2 MB (");
    }

    @Test
    void theDefaultsAreStated() {
        assertThat(Gzip.Limits.DEFAULT.describe())
                .isEqualTo("at most 2048 MB decompressed and at most 200:1 after the first 32 MB");
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
