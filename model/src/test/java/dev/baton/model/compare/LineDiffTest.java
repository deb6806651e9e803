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
        List<LineDiff.Hunk> hunks = LineDiff.hunks(LineDiff.of(before.toString(), after), 2);
        assertThat(hunks).hasSize(2).allMatch(LineDiff.Hunk::gap);
        assertThat(hunks.get(0).lines()).extracting(l -> l.marker() + " " + l.text()).containsExactly(
                "  line 3", "  line 4", "- line 5", "+ line five", "  line 6", "  line 7");
        assertThat(hunks.get(1).lines()).extracting(l -> l.marker() + " " + l.text()).containsExactly(
                "  line 23", "  line 24", "- line 25", "+ line 25b", "  line 26", "  line 27");
        assertThat(hunks.get(1).lines().get(2)).isEqualTo(new Line(Op.REMOVED, 25, 0, "line 25"));
    }

    @Test
    void twoLargeUnrelatedTextsAreNotAlignedButStillComplete() {
        StringBuilder a = new StringBuilder("head\n");
        StringBuilder b = new StringBuilder("head\n");
        for (int i = 0; i < 3000; i++) {
            a.append("old ").append(i).append('\n');
            b.append("new ").append(i).append('\n');
        }
        a.append("tail\n");
        b.append("tail\n");
        List<Line> diff = LineDiff.of(a.toString(), b.toString());
        assertThat(diff).hasSize(6002);
        assertThat(diff.get(0)).isEqualTo(new Line(Op.KEPT, 1, 1, "head"));
        assertThat(diff.get(1)).isEqualTo(new Line(Op.REMOVED, 2, 0, "old 0"));
        assertThat(diff.get(3001)).isEqualTo(new Line(Op.ADDED, 0, 2, "new 0"));
        assertThat(diff.get(6001)).isEqualTo(new Line(Op.KEPT, 3002, 3002, "tail"));
    }
}
