package dev.baton.measure.experiment.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys of every length up to 20 bytes, differing in one byte anywhere, get distinct ids and keep them. */
class ByteKeysTest {

    @Test
    void keysThatDifferInAnyOneByteAreDifferentAndEqualKeysAreTheSame() {
        ByteKeys keys = new ByteKeys();
        List<String> all = new ArrayList<>();
        for (int length = 0; length <= 20; length++) {
            String base = "abcdefghijklmnopqrstuvwxyz".substring(0, length);
            all.add(base);
            for (int at = 0; at < length; at++) {
                all.add(base.substring(0, at) + "Z" + base.substring(at + 1));
            }
        }
        all.addAll(List.of("control", "treatment", "treatment-b", "variant-a", "variant-b", "exp-0123", "exp-0124"));
        List<Integer> ids = new ArrayList<>();
        for (String k : all) {
            ids.add(id(keys, k));
        }
        assertThat(ids).doesNotHaveDuplicates();
        for (int i = 0; i < all.size(); i++) {
            assertThat(id(keys, all.get(i))).as(all.get(i)).isEqualTo(ids.get(i));
            assertThat(keys.name(ids.get(i))).isEqualTo(all.get(i));
        }
    }

    /** The key looked up in the middle of a larger buffer, as a line is read. */
    static int id(ByteKeys keys, String key) {
        byte[] b = ("xxxxxxxxxx," + key + ",yyyyyyyyyy").getBytes(StandardCharsets.US_ASCII);
        return keys.id(b, 11, 11 + key.length());
    }
}
