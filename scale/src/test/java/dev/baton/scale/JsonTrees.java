package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Two JSON documents are the same report: same keys, order of arrays and texts, numbers within 1e-9. */
final class JsonTrees {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private JsonTrees() {
    }

    static void assertSameReport(Object actual, Object expected) {
        assertSame(JSON.valueToTree(actual), JSON.valueToTree(expected), "$");
    }

    static void assertSame(JsonNode actual, JsonNode expected, String path) {
        if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(path + " is a number").isTrue();
            double e = expected.asDouble();
            assertThat(actual.asDouble()).as(path).isCloseTo(e, within(1e-9 * Math.max(1, Math.abs(e))));
            return;
        }
        assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
        if (expected.isArray()) {
            assertThat(actual.size()).as(path + " length").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSame(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else if (expected.isObject()) {
            assertThat(actual.propertyNames()).as(path + " keys").containsExactlyElementsOf(expected.propertyNames());
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertSame(actual.get(e.getKey()), e.getValue(), path + "." + e.getKey());
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
