package dev.baton.model.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.compare.LineDiff.Line;
import dev.baton.model.compare.LineDiff.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void aChangedLineIsOneRemovedAndOneAddedWithTheirNumbers() {
        List<Line> diff = LineDiff.of("a\nb\nc\n", "a\nB\nc\n");
        assertThat(diff).containsExactly(new Line(Op.KEPT, 1, 1, "a"), new Line(Op.REMOVED, 2, 0, "b"),
                new Line(Op.ADDED, 0, 2, "B"), new Line(Op.KEPT, 3, 3, "c"));
    }

    @Test
    void insertionsAndDeletionsKeepTheCommonLines() {
        List<Line> diff = LineDiff.of("x\na\nb\nc\n", "a\nb\nnew\nc\nend");
        assertThat(diff).extracting(l -> l.op() + " " + l.text()).containsExactly(
                "REMOVED x", "KEPT a", "KEPT b", "ADDED new", "KEPT c", "ADDED end");
        assertThat(LineDiff.of("same\n", "same\n")).allMatch(l -> l.op() == Op.KEPT);
        assertThat(LineDiff.of("", "one\n")).containsExactly(new Line(Op.ADDED, 0, 1, "one"));
        assertThat(LineDiff.of("a\r\nb\r\n", "a\nb\n")).allMatch(l -> l.op() == Op.KEPT);
    }

    @Test
    void hunksShowChangesWithTheirContextAndSkipTheRest() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 5\n", "line five\n").replace("line 25\n", "line 25b\n");
        List<Line> hunks = LineDiff.hunks(LineDiff.of(before.toString(), after), 2);
        assertThat(hunks).extracting(l -> l == null ? "…" : l.op().name().charAt(0) + " " + l.text()).containsExactly(
                "K line 3", "K line 4", "R line 5", "A line five", "K line 6", "K line 7", "…",
                "K line 23", "K line 24", "R line 25", "A line 25b", "K line 26", "K line 27");
    }
}
