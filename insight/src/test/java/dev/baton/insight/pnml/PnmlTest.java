package dev.baton.insight.pnml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.insight.SharedData;
import dev.baton.model.flow.FlowNet;
import dev.baton.model.flow.FlowTransition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PnmlTest {

    @TempDir
    Path tmp;

    @Test
    void placesTransitionsSilentOnesArcsAndMarkings() {
        FlowNet net = Pnml.read(Path.of("src/test/resources/nets/parallel.pnml"));

        assertThat(net.name()).isEqualTo("parallel");
        assertThat(net.places()).hasSize(7);
        assertThat(net.transition("split").orElseThrow().isSilent()).as("tool-specific invisible").isTrue();
        assertThat(net.transition("join").orElseThrow().isSilent()).as("no name").isTrue();
        assertThat(net.transition("t_copy").map(FlowTransition::label)).contains("copy");
        assertThat(net.describe(net.initialMarking())).isEqualTo("[start]");
        assertThat(net.describe(net.finalMarking())).isEqualTo("[end]");
        assertThat(net.isWorkflowNet()).isTrue();
    }

    @Test
    void withoutDeclaredMarkingsTheSourceAndSinkPlacesAreUsed() throws Exception {
        Path file = tmp.resolve("bare.pnml");
        Files.writeString(file, """
                <pnml><net id="n"><page id="p">
                  <place id="in"/><place id="out"/>
                  <transition id="t"><name><text>go</text></name></transition>
                  <arc id="1" source="in" target="t"/><arc id="2" source="t" target="out"/>
                </page></net></pnml>
                """);

        FlowNet net = Pnml.read(file);

        assertThat(net.describe(net.initialMarking())).isEqualTo("[in]");
        assertThat(net.describe(net.finalMarking())).isEqualTo("[out]");
    }

    @Test
    void anArcToAnUnknownNodeSaysWhere() throws Exception {
        Path file = tmp.resolve("bad.pnml");
        Files.writeString(file, """
                <pnml><net id="n"><page id="p">
                  <place id="in"/>
                  <transition id="t"/>
                  <arc id="1" source="in" target="nowhere"/>
                </page></net></pnml>
                """);

        assertThatThrownBy(() -> Pnml.read(file)).isInstanceOf(PnmlException.class)
                .hasMessageStartingWith(file + ":4:")
                .hasMessageContaining("expected an arc between a place and a transition, found in -> nowhere");
    }

    @Test
    void malformedXmlAndExternalEntitiesAreRefused() throws Exception {
        Path broken = tmp.resolve("broken.pnml");
        Files.writeString(broken, "<pnml><net id=\"n\"><page id=\"p\">\n<place id=\"a\">\n</page></net></pnml>");
        Path xxe = tmp.resolve("xxe.pnml");
        Files.writeString(xxe, """
                <?xml version="1.0"?>
                <!DOCTYPE pnml [ <!ENTITY x SYSTEM "file:///etc/hostname"> ]>
                <pnml><net id="n"><page id="p"><place id="&x;"/></page></net></pnml>
                """);

        assertThatThrownBy(() -> Pnml.read(broken)).isInstanceOf(PnmlException.class)
                .hasMessageStartingWith(broken + ":3:").hasMessageContaining("malformed PNML");
        assertThatThrownBy(() -> Pnml.read(xxe)).isInstanceOf(PnmlException.class);
    }

    @Test
    void weightedArcsAreRefusedRatherThanMisread() throws Exception {
        Path file = tmp.resolve("weighted.pnml");
        Files.writeString(file, """
                <pnml><net id="n"><page id="p">
                  <place id="in"/><place id="out"/><transition id="t"/>
                  <arc id="1" source="in" target="t"><inscription><text>2</text></inscription></arc>
                  <arc id="2" source="t" target="out"/>
                </page></net></pnml>
                """);

        assertThatThrownBy(() -> Pnml.read(file)).isInstanceOf(PnmlException.class)
                .hasMessageContaining("expected arc weights of 1, found 2");
    }

    @Test
    void pm4pyExportsReadAsWorkflowNets() {
        FlowNet net = Pnml.read(SharedData.eventLog("reference/bpic2012_im2.pnml"));

        assertThat(net.places()).hasSize(41);
        assertThat(net.transitions()).hasSize(64);
        assertThat(net.transitions().stream().filter(FlowTransition::isSilent)).hasSize(40);
        assertThat(net.isWorkflowNet()).isTrue();
    }
}
