package dev.baton.insight.conformance;

import dev.baton.insight.log.EventLog;
import dev.baton.model.flow.FlowNet;
import dev.baton.model.flow.FlowTransition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link FlowNet} flattened into arrays for the replay loops: presets and postsets by
 * transition, the transitions consuming from each place, labels as dense codes, markings as
 * int arrays.
 */
final class NetIndex {

    final FlowNet net;
    final int places;
    final int transitions;
    final int[][] pre;
    final int[][] post;
    /** The transitions with an input arc from each place. */
    final int[][] consumers;
    /** Label code per transition, -1 for silent ones. */
    final int[] label;
    final String[] labels;
    final Map<String, Integer> labelCodes = new HashMap<>();
    final int[] initial;
    final int[] fin;
    final String[] placeIds;

    NetIndex(FlowNet net) {
        this.net = net;
        this.places = net.places().size();
        this.transitions = net.transitions().size();
        this.pre = new int[transitions][];
        this.post = new int[transitions][];
        this.label = new int[transitions];
        int[] consumerCount = new int[places];
        for (FlowTransition t : net.transitions()) {
            int i = t.index();
            pre[i] = net.preset(i);
            post[i] = net.postset(i);
            for (int p : pre[i]) {
                consumerCount[p]++;
            }
            label[i] = t.isSilent() ? -1 : labelCodes.computeIfAbsent(t.label(), l -> labelCodes.size());
        }
        this.labels = new String[labelCodes.size()];
        labelCodes.forEach((l, code) -> labels[code] = l);
        this.consumers = new int[places][];
        for (int p = 0; p < places; p++) {
            consumers[p] = new int[consumerCount[p]];
        }
        int[] fill = new int[places];
        for (int t = 0; t < transitions; t++) {
            for (int p : pre[t]) {
                consumers[p][fill[p]++] = t;
            }
        }
        this.initial = net.initialMarking().counts();
        this.fin = net.finalMarking().counts();
        this.placeIds = net.places().stream().map(p -> p.id()).toArray(String[]::new);
    }

    /** Per activity code of the log, the label code of the net, or -1 when no transition has it. */
    int[] labelsOf(EventLog log) {
        int[] codes = new int[log.activityCount()];
        for (int a = 0; a < codes.length; a++) {
            codes[a] = labelCodes.getOrDefault(log.activityName(a), -1);
        }
        return codes;
    }

    boolean enabled(int[] marking, int t) {
        for (int p : pre[t]) {
            if (marking[p] == 0) {
                return false;
            }
        }
        return true;
    }

    void fire(int[] marking, int t) {
        for (int p : pre[t]) {
            marking[p]--;
        }
        for (int p : post[t]) {
            marking[p]++;
        }
    }

    String describe(int[] marking) {
        StringBuilder text = new StringBuilder("[");
        for (int p = 0; p < places; p++) {
            if (marking[p] > 0) {
                text.append(text.length() > 1 ? ", " : "").append(placeIds[p]).append(marking[p] > 1 ? "x" + marking[p] : "");
            }
        }
        return text.append(']').toString();
    }

    static int sum(int[] marking) {
        return Arrays.stream(marking).sum();
    }
}
