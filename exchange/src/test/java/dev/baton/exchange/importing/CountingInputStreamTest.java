package dev.baton.exchange.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingInputStreamTest {

    @Test
    void theBarReachesTheEndOnlyWhenTheWorkIsFinished() throws Exception {
        byte[] file = new byte[1024 * 1024];
        List<Long> reports = new ArrayList<>();
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(file), file.length,
                (done, total) -> reports.add(done));

        in.readAllBytes();
        // Everything is read, but a reader may still be putting it in order.
        assertThat(reports).isNotEmpty().allMatch(done -> done < file.length);
        assertThat(reports).isSorted();

        in.finish();
        assertThat(reports.get(reports.size() - 1)).isEqualTo(file.length);
    }
}
