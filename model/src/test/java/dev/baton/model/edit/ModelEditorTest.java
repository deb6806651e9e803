package dev.baton.model.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problem;
import dev.baton.model.validation.ModelValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person editing the content team's model in the browser would see happen to the file. */
class ModelEditorTest {

    static final String FILE = "examples/content-team.yaml";
    static final String CONTENT_TEAM = ModelFiles.read(FILE);

    private static EditResult edit(ModelEdit... edits) throws EditRefused {
        return ModelEditor.apply(FILE, CONTENT_TEAM, edits);
    }

    private static LineDiff diff(EditResult result) {
        return LineDiff.of(CONTENT_TEAM, result.text());
    }

    @SafeVarargs
    private static Map<String, Object> map(Map.Entry<String, Object>... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    @Test
    void anSlaChangeIsAOneLineDiff() throws Exception {
        EditResult result = edit(ModelEdit.set("work-types[blog-post].stages[edit].sla", "3d"));

        assertThat(diff(result).removed()).containsExactly("        sla: 2d\n");
        assertThat(diff(result).added()).containsExactly("        sla: 3d\n");
        assertThat(result.valid()).isTrue();
        assertThat(result.report().model().workTypes().get(0).stages().get(2).sla().toString()).isEqualTo("3d");
    }

    @Test
    void aModelIsBuiltFromTwoLinesByAddingTopLevelKeysAndItems() throws Exception {
        String empty = "apiVersion: baton/v1\nname: New model\n";
        EditResult one = ModelEditor.apply("new.yaml", empty,
                ModelEdit.addKey("", "functions", List.of(map(Map.entry("id", "marketing")))),
                ModelEdit.insert("functions", 1, map(Map.entry("id", "sales"))),
                ModelEdit.addKey("functions[0]", "name", "Marketing"));

        assertThat(one.text()).startsWith(empty);
        assertThat(one.valid()).isTrue();
        assertThat(one.report().model().functions()).extracting(f -> f.name()).containsExactly("Marketing", "sales");
    }

    @Test
    void pathsByPositionAsValidationWritesThemWorkToo() throws Exception {
        assertThat(edit(ModelEdit.set("work-types[0].stages[2].sla", "3d")).text())
                .isEqualTo(edit(ModelEdit.set("work-types[blog-post].stages[edit].sla", "3d")).text());
    }

    @Test
    void aValueInAFlowMappingChangesInPlaceAndTheTrailingCommentStays() throws Exception {
        EditResult result = edit(ModelEdit.set("people[ben.kowalski].capacity", "6h/day"));

        assertThat(diff(result).added()).containsExactly(
                "  - { id: ben.kowalski, name: Ben Kowalski, function: content,    capacity: 6h/day }     # part-time\n");
        assertThat(diff(result).removed()).hasSize(1);
    }

    @Test
    void quotedValuesStayQuotedAndTextThatLooksLikeANumberIsQuoted() throws Exception {
        EditResult result = edit(ModelEdit.set("version", "2.0"), ModelEdit.set("work-types[webinar].name", "2026"));

        assertThat(diff(result).added()).containsExactly("version: \"2.0\"\n", "    name: \"2026\"\n");
        assertThat(result.report().model().version()).isEqualTo("2.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Launch: phase 2", "#1 priority", "yes", "no", "Off", "42", "3.5", "null", "~", "",
            "- dash", "[brackets]", "{braces}", "a, b", "it's", "say \"hi\"", "trailing space ", "back\\slash",
            "two\nlines", "@handle", "%percent", "*star", "&amp", "!bang", "|pipe", ">fold", "`tick`", "Zoë 🚀"})
    void anyTextIsWrittenSoThatItReadsBackAsThatText(String name) throws Exception {
        EditResult block = edit(ModelEdit.set("work-types[webinar].name", name));
        EditResult flow = edit(ModelEdit.set("functions[design].name", name));

        assertThat(block.report().model().workTypes().get(1).name()).isEqualTo(name);
        assertThat(flow.report().model().functions().get(1).name()).isEqualTo(name);
        assertThat(diff(block).size()).isEqualTo(2);
        assertThat(diff(flow).size()).isEqualTo(2);
    }

    @Test
    void plainWordsStayPlain() throws Exception {
        assertThat(diff(edit(ModelEdit.set("work-types[webinar].name", "Live webinar"))).added())
                .containsExactly("    name: Live webinar\n");
    }

    @Test
    void numbersAndTrueFalseAreWrittenAsSuch() throws Exception {
        EditResult result = edit(ModelEdit.set("debt.wip-limit", 5),
                ModelEdit.set("work-types[blog-post].stages[illustrate].optional", false));

        assertThat(diff(result).added()).containsExactly("        optional: false                 # most posts reuse stock art and skip this\n",
                "  wip-limit: 5\n");
        assertThat(result.report().model().debt().wipLimit()).isEqualTo(5);
    }

    @Test
    void aNewKeyIsIndentedLikeItsSiblingsAfterTheKeyNamed() throws Exception {
        EditResult result = edit(ModelEdit.addKey("work-types[blog-post].stages[draft]", "sla", "4d", "owner"));

        assertThat(diff(result).removed()).isEmpty();
        assertThat(diff(result).added()).containsExactly("        sla: 4d\n");
        assertThat(result.text()).contains("        owner: writers\n        sla: 4d\n        exit:");
        assertThat(result.valid()).isTrue();
    }

    @Test
    void aNewKeyGoesInsideTheBracesOfAFlowMapping() throws Exception {
        EditResult result = edit(ModelEdit.addKey("work-types[blog-post].stages[pitch].decision", "informed", List.of("writers")));

        assertThat(diff(result).added()).containsExactly(
                "        decision: { driver: zoe.park, approver: zoe.park, informed: [writers] }\n");
        assertThat(result.valid()).isTrue();
    }

    @Test
    void aNewKeyWithAMappingValueGetsItsOwnIndentedLines() throws Exception {
        EditResult result = edit(ModelEdit.addKey("work-types[blog-post].stages[publish]", "gate",
                map(Map.entry("approvers", List.of("zoe.park")), Map.entry("mode", "all"))));

        assertThat(diff(result).added()).containsExactly(
                "        gate:\n", "          approvers: [zoe.park]\n", "          mode: all\n");
        assertThat(result.valid()).isTrue();
        assertThat(result.report().model().workTypes().get(0).stages().get(4).gate().approvers()).containsExactly("zoe.park");
    }

    @Test
    void aRemovedKeyTakesTheCommentAboveItWithIt() throws Exception {
        String text = """
                apiVersion: baton/v1
                name: Small
                # Who promotes webinars: see the handbook.
                # Second line of the same comment.
                description: to be removed

                # About functions
                functions:
                  - id: pmm
                """;
        EditResult result = ModelEditor.apply("m.yaml", text, ModelEdit.remove("description"));

        assertThat(result.text()).isEqualTo("""
                apiVersion: baton/v1
                name: Small

                # About functions
                functions:
                  - id: pmm
                """);
    }

    @Test
    void aRemovedItemTakesItsCommentToo() throws Exception {
        EditResult result = edit(ModelEdit.remove("templates[post-brief].fields[strategic-fit]"));

        assertThat(diff(result).removed()).containsExactly(
                "      # Inputs of the weighted prioritisation below (1 to 5 each)\n",
                "      - { id: strategic-fit,   type: number, required: true }\n");
        assertThat(diff(result).added()).isEmpty();
        assertThat(result.valid()).isFalse(); // the prioritisation weighs strategic-fit
        assertThat(result.report().errors()).extracting(Problem::code).contains("prioritization-input");
    }

    @Test
    void removingTheFirstKeyOfAListItemMovesTheNextKeyOntoTheDashLine() throws Exception {
        EditResult result = edit(ModelEdit.remove("work-types[webinar].stages[plan].id"));

        assertThat(result.text()).contains("    stages:\n      - kind: making\n        owner: zoe.park\n");
        assertThat(diff(result).size()).isEqualTo(3);
    }

    @Test
    void removingTheOnlyItemLeavesAnEmptyListWithoutItsComment() throws Exception {
        EditResult result = edit(ModelEdit.remove("work-types[webinar].transitions[0]"));

        assertThat(diff(result).removed()).containsExactly("    transitions:\n",
                "      - dry-run -> slides              # rework: the deck is not ready\n");
        assertThat(diff(result).added()).containsExactly("    transitions: []\n");
    }

    @Test
    void renamingAStageIsAOneLineDiffAndTheValidatorNamesWhatStillUsesTheOldId() throws Exception {
        EditResult result = edit(ModelEdit.set("work-types[blog-post].stages[edit].id", "review"));

        assertThat(diff(result).added()).containsExactly("      - id: review\n");
        assertThat(result.valid()).isFalse();
        assertThat(result.report().errors()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains("edit"));
        assertThat(result.report()).isEqualTo(ModelValidation.validate(FILE, result.text()));
    }

    @Test
    void aKeyIsRenamedWhereItStands() throws Exception {
        EditResult result = edit(ModelEdit.rename("work-types[webinar].stages[plan].exit", "exits"));

        assertThat(diff(result).added()).containsExactly("        exits: [topic, speakers, event-date, target-signups]\n");
        assertThat(result.report().errors()).extracting(Problem::code).containsExactly("unknown-key");
    }

    @Test
    void reorderingStagesMovesTheirLinesAndNothingElse() throws Exception {
        EditResult result = edit(ModelEdit.move("work-types[webinar].stages[live]", 1));

        assertThat(result.text()).contains("""
                      - id: plan
                        kind: making
                        owner: zoe.park
                        exit: [topic, speakers, event-date, target-signups]
                        decision: { driver: zoe.park, approver: zoe.park, contributors: [omar.farah] }
                      - id: live
                        kind: making
                        owner: omar.farah
                        exit: [recording]
                        decision: { driver: omar.farah, approver: omar.farah }
                      - id: slides
                """);
        assertThat(diff(result).added()).hasSize(5);
        assertThat(diff(result).removed()).hasSize(5);
        assertThat(result.report().model().workTypes().get(1).stages()).extracting(s -> s.id())
                .containsExactly("plan", "live", "slides", "promote", "dry-run");
    }

    @Test
    void aMovedItemTakesItsCommentAlong() throws Exception {
        EditResult result = edit(ModelEdit.move("templates[post-brief].fields[strategic-fit]", 0));

        assertThat(result.text()).contains("""
                    fields:
                      # Inputs of the weighted prioritisation below (1 to 5 each)
                      - { id: strategic-fit,   type: number, required: true }
                      - { id: working-title,   type: text,   required: true }
                """);
    }

    @Test
    void aNewStageIsWrittenAsABlockLikeItsSiblings() throws Exception {
        EditResult result = edit(ModelEdit.insert("work-types[blog-post].stages", 1, map(
                Map.entry("id", "outline"), Map.entry("kind", "making"), Map.entry("owner", "writers"),
                Map.entry("sla", "1d"), Map.entry("decision", map(Map.entry("driver", "ana.silva"), Map.entry("approver", "zoe.park"))))));

        assertThat(diff(result).removed()).isEmpty();
        assertThat(diff(result).added()).containsExactly(
                "      - id: outline\n",
                "        kind: making\n",
                "        owner: writers\n",
                "        sla: 1d\n",
                "        decision:\n",
                "          driver: ana.silva\n",
                "          approver: zoe.park\n");
        assertThat(result.text()).contains("        decision: { driver: zoe.park, approver: zoe.park }\n      - id: outline\n");
        assertThat(result.valid()).isTrue();
        assertThat(result.report().model().workTypes().get(0).stages()).extracting(s -> s.id())
                .containsExactly("pitch", "outline", "draft", "edit", "illustrate", "publish");
    }

    @Test
    void aNewOneLineItemIsWrittenOnOneLineLikeItsSiblings() throws Exception {
        EditResult result = edit(ModelEdit.insert("functions", 3,
                map(Map.entry("id", "product"), Map.entry("name", "Product marketing"))));

        assertThat(diff(result).added()).containsExactly("  - { id: product, name: Product marketing }\n");
    }

    @Test
    void flowListsTakeNewItemsAndLoseThemWithTheirCommas() throws Exception {
        EditResult result = edit(ModelEdit.insert("work-types[blog-post].success", 0, "webinar-signups"),
                ModelEdit.remove("work-types[blog-post].stages[draft].exit[author]"),
                ModelEdit.remove("work-types[blog-post].stages[draft].exit[draft-link]"));

        assertThat(diff(result).added()).containsExactly(
                "    success: [webinar-signups, posts-per-month, organic-sessions]\n",
                "        exit: [working-title, primary-keyword, angle, funnel-stage]\n");
    }

    @Test
    void aReplacedSubtreeIsIndentedToFitAndKeepsFlowStyleWhereItWasFlow() throws Exception {
        EditResult result = edit(
                ModelEdit.replace("work-types[webinar].stages[slides].decision", map(Map.entry("driver", "ivy.mendes"),
                        Map.entry("approver", "omar.farah"))),
                ModelEdit.replace("intake.prioritization.weights", map(Map.entry("strategic-fit", 1))),
                ModelEdit.replace("work-types[webinar].transitions", List.of("dry-run -> slides", "live -> promote")));

        // A replaced subtree is written anew, comments inside it included; what is around it is not touched.
        assertThat(diff(result).added()).containsExactly(
                "        decision: { driver: ivy.mendes, approver: omar.farah }\n",
                "      - dry-run -> slides\n",
                "      - live -> promote\n",
                "      strategic-fit: 1\n");
        assertThat(diff(result).removed()).containsExactly(
                "        decision: { driver: ivy.mendes, approver: zoe.park }\n",
                "      - dry-run -> slides              # rework: the deck is not ready\n",
                "      strategic-fit: 3\n",
                "      audience-demand: 2\n",
                "      search-volume: 1\n");
    }

    @Test
    void crlfLineBreaksStayCrlfInEditedAndNewLines() throws Exception {
        String crlf = CONTENT_TEAM.replace("\n", "\r\n");
        String oneChange = ModelEditor.apply(FILE, crlf, ModelEdit.set("work-types[blog-post].stages[edit].sla", "3d")).text();
        EditResult manyChanges = ModelEditor.apply(FILE, crlf,
                ModelEdit.addKey("work-types[blog-post].stages[draft]", "sla", "4d"),
                ModelEdit.insert("work-types[blog-post].stages", 5, map(Map.entry("id", "promote"), Map.entry("kind", "making"))),
                ModelEdit.move("work-types[webinar].stages[live]", 0),
                ModelEdit.remove("work-types[blog-post].stages[pitch].sla"),
                ModelEdit.addKey("work-types[blog-post].stages[publish]", "gate", map(Map.entry("approvers", "zoe.park"))));

        assertThat(LineDiff.of(crlf, oneChange).removed()).containsExactly("        sla: 2d\r\n");
        assertThat(LineDiff.of(crlf, oneChange).added()).containsExactly("        sla: 3d\r\n");
        assertThat(manyChanges.text().replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(manyChanges.text()).contains("        gate:\r\n          approvers: zoe.park\r\n");
        assertThat(manyChanges.report().errors()).isEmpty();
    }

    @Test
    void unicodeBeforeAnEditDoesNotShiftIt() throws Exception {
        String text = """
                apiVersion: baton/v1
                name: "Zoë’s team 🚀🚀"   # emoji are two chars in Java, one to the parser
                functions: [{ id: pmm, name: Prüfung 🚀 }]
                version: "1"
                """;
        EditResult result = ModelEditor.apply("m.yaml", text, ModelEdit.set("functions[pmm].name", "Produkt 🚀"),
                ModelEdit.set("version", "2"));

        assertThat(result.text()).isEqualTo("""
                apiVersion: baton/v1
                name: "Zoë’s team 🚀🚀"   # emoji are two chars in Java, one to the parser
                functions: [{ id: pmm, name: Produkt 🚀 }]
                version: "2"
                """);
    }

    @Test
    void aFileWithoutALastLineBreakKeepsWithoutIt() throws Exception {
        String text = "apiVersion: baton/v1\nfunctions:\n  - id: a\n  - id: b";
        assertThat(ModelEditor.apply("m.yaml", text, ModelEdit.move("functions[b]", 0)).text())
                .isEqualTo("apiVersion: baton/v1\nfunctions:\n  - id: b\n  - id: a");
        assertThat(ModelEditor.apply("m.yaml", text, ModelEdit.insert("functions", 2, map(Map.entry("id", "c")))).text())
                .isEqualTo("apiVersion: baton/v1\nfunctions:\n  - id: a\n  - id: b\n  - id: c");
    }

    @Test
    void emptyFlowCollectionsTakeTheirFirstEntryAndFlowEntriesLeaveWithTheirCommas() throws Exception {
        String text = """
                apiVersion: baton/v1
                functions: []
                debt: {}
                teams:
                  - { id: a, name: A, function: x }
                """;
        EditResult result = ModelEditor.apply("m.yaml", text,
                ModelEdit.insert("functions", 0, map(Map.entry("id", "x"))),
                ModelEdit.addKey("debt", "wip-limit", 3),
                ModelEdit.remove("teams[a].name"),
                ModelEdit.remove("teams[a].function"));

        assertThat(result.text()).isEqualTo("""
                apiVersion: baton/v1
                functions: [{id: x}]
                debt: {wip-limit: 3}
                teams:
                  - { id: a }
                """);
    }

    @Test
    void aByteOrderMarkStays() throws Exception {
        String text = "\uFEFFapiVersion: baton/v1\nname: Old\n";
        assertThat(ModelEditor.apply("m.yaml", text, ModelEdit.set("name", "New")).text())
                .isEqualTo("\uFEFFapiVersion: baton/v1\nname: New\n");
    }

    @Test
    void aLiteralBlockStaysALiteralBlock() throws Exception {
        String text = """
                apiVersion: baton/v1
                functions:
                  - id: pmm
                    description: |
                      Positions the product.
                      Owns launches.
                    name: PMM
                """;
        EditResult result = ModelEditor.apply("m.yaml", text, ModelEdit.set("functions[pmm].description", "Positions.\nLaunches.\n"));

        assertThat(result.text()).contains("    description: |\n      Positions.\n      Launches.\n    name: PMM\n");
    }

    @Test
    void anInvalidChangeComesBackWithTheValidatorsMessages() throws Exception {
        EditResult result = edit(ModelEdit.set("work-types[blog-post].stages[draft].kind", "makeing"),
                ModelEdit.set("work-types[blog-post].stages[edit].sla", "2 business days"));

        assertThat(result.valid()).isFalse();
        assertThat(result.report().errors()).extracting(p -> p.format(FILE)).containsExactly(
                FILE + ":87:15: error: expected a stage kind (making, coordination, waiting), found 'makeing' (did you mean 'making'?)",
                FILE + ":94:14: error: expected a duration like 3d, 36h, 90m or 1d12h, found '2 business days'");
        assertThat(result.report()).isEqualTo(ModelValidation.validate(FILE, result.text()));
    }

    @Test
    void pathsThatDoNotExistAreRefusedWithWhatIsThere() {
        assertThatThrownBy(() -> edit(ModelEdit.set("work-types[blog-post].stages[review].sla", "1d")))
                .isInstanceOf(EditRefused.class)
                .hasMessage("work-types[blog-post].stages[review].sla: expected an item with id 'review' at "
                        + "work-types[blog-post].stages, found only pitch, draft, edit, illustrate, publish");
        assertThatThrownBy(() -> edit(ModelEdit.set("work-types[blog-post].stages[draft].sla", "1d")))
                .hasMessageContaining("expected a key 'sla' at work-types[blog-post].stages[draft], found only id, kind, owner, exit, decision");
        assertThatThrownBy(() -> edit(ModelEdit.set("work-types[7].name", "x")))
                .hasMessageContaining("expected a position from 0 to 1 at work-types, found 7");
        assertThatThrownBy(() -> edit(ModelEdit.set("work-types[blog-post].stages", "x")))
                .hasMessageContaining("expected a single value to set, found a list");
        assertThatThrownBy(() -> edit(ModelEdit.addKey("debt", "wip-limit", 4)))
                .hasMessageContaining("found 'wip-limit' there already");
        assertThatThrownBy(() -> edit(ModelEdit.set("work-types[blog-post.name", "x")))
                .hasMessageContaining("expected a ']'");
        assertThatThrownBy(() -> edit(ModelEdit.move("work-types[webinar].stages[live]", 9)))
                .hasMessageContaining("expected a position from 0 to 4 to move to, found 9");
    }

    @Test
    void repeatedKeysAndIdsAreAmbiguousAndRefused() {
        String text = """
                apiVersion: baton/v1
                name: One
                name: Two
                functions:
                  - id: pmm
                  - id: pmm
                """;
        assertThatThrownBy(() -> ModelEditor.apply("m.yaml", text, ModelEdit.set("name", "Three")))
                .hasMessageContaining("the key 'name' is written 2 times at the top of the model (lines 2, 3)");
        assertThatThrownBy(() -> ModelEditor.apply("m.yaml", text, ModelEdit.set("functions[pmm].id", "x")))
                .hasMessageContaining("the id 'pmm' is used by 2 items at functions (lines 5, 6)");
    }

    @Test
    void valuesSharedThroughAnAnchorAreRefusedAndEverythingElseIsEditable() throws Exception {
        String text = """
                apiVersion: baton/v1
                functions:
                  - &pmm { id: pmm, name: PMM }
                teams:
                  - { id: launchers, function: pmm, members: &crew [ana, ben] }
                  - { id: writers, function: pmm, members: *crew }
                name: Shared
                """;
        assertThatThrownBy(() -> ModelEditor.apply("m.yaml", text, ModelEdit.insert("teams[launchers].members", 0, "cy")))
                .hasMessageContaining("shared through the anchor &crew (line 5)");
        assertThatThrownBy(() -> ModelEditor.apply("m.yaml", text, ModelEdit.set("teams[writers].members[0]", "cy")))
                .hasMessageContaining("is the alias *crew");
        // An anchor nobody refers to shares nothing; an alias can be replaced by a value of its own.
        assertThat(ModelEditor.apply("m.yaml", text, ModelEdit.set("functions[pmm].name", "Product marketing")).text())
                .contains("  - &pmm { id: pmm, name: Product marketing }\n");
        assertThat(ModelEditor.apply("m.yaml", text, ModelEdit.replace("teams[writers].members", List.of("cy"))).text())
                .contains("  - { id: writers, function: pmm, members: [cy] }\n");
        // Moving the anchored item below its alias would leave an alias before its anchor.
        assertThatThrownBy(() -> ModelEditor.apply("m.yaml", text, ModelEdit.move("teams[launchers]", 1)))
                .hasMessageContaining("does not read as YAML");
    }

    @Test
    void aFileOfSeveralDocumentsOrWithASyntaxErrorIsNotEdited() {
        assertThatThrownBy(() -> ModelEditor.apply("m.yaml", "apiVersion: baton/v1\n---\nname: x\n", ModelEdit.set("apiVersion", "v2")))
                .isInstanceOf(EditRefused.class)
                .hasMessageContaining("expected one YAML document, found a second one (line 2");
        assertThatThrownBy(() -> ModelEditor.apply("m.yaml", "name: [unclosed\n", ModelEdit.set("name", "v2")))
                .hasMessageContaining("expected a readable YAML file to edit, found invalid YAML");
    }

    @Test
    void anEditIsNeverAllowedToProduceTextThatDoesNotParse() throws Exception {
        for (String awkward : List.of("a: b", "]", "}", "#", "- x", "? y", "\"", "'", "\\", "\t", "x\ny", "*", "&", "!x")) {
            EditResult result = edit(ModelEdit.rename("debt.wip-limit", "k" + awkward),
                    ModelEdit.addKey("functions[design]", awkward, awkward),
                    ModelEdit.insert("handoffs[4].artifacts", 1, awkward),
                    ModelEdit.set("work-types[webinar].name", awkward));
            OperatingModel model = result.report().model();
            assertThat(model).as(awkward).isNotNull();
            assertThat(model.handoffs().get(4).artifacts()).as(awkward).containsExactly("dry-run notes", awkward);
            assertThat(model.workTypes().get(1).name()).as(awkward).isEqualTo(awkward);
        }
    }
}
