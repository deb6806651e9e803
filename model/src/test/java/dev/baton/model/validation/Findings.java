package dev.baton.model.validation;

import dev.baton.model.problem.Problem;
import java.util.List;

/** Test helper: validate YAML text and look at what was found as "line:code" strings. */
final class Findings {

    private Findings() {
    }

    static ValidationReport of(String yaml) {
        return ModelValidation.validate("model.yaml", yaml);
    }

    static List<String> errors(String yaml) {
        return of(yaml).errors().stream().map(Findings::brief).toList();
    }

    static List<String> warnings(String yaml) {
        return of(yaml).warnings().stream().map(Findings::brief).toList();
    }

    static String brief(Problem p) {
        return p.line() + ":" + p.code();
    }

    /**
     * A small model with no errors and no warnings; tests append to or edit it. Line numbers
     * matter to the tests: keep additions at the end or adjust the expectations.
     */
    static final String CLEAN = """
            apiVersion: baton/v1
            name: Clean
            functions:
              - id: pmm
              - id: content
              - id: legal
            people:
              - id: ana
                function: pmm
                capacity: 32h/week
            components:
              - {id: audience, owner: pmm}
              - {id: content, owner: content}
              - {id: messaging, owner: pmm}
              - {id: channels, owner: content}
              - {id: data, owner: ana}
              - {id: reporting, owner: pmm}
              - {id: instrumentation, owner: pmm}
            metrics:
              - {id: pipeline, name: Pipeline, unit: USD, target: 100000}
            templates:
              - id: brief
                fields:
                  - {id: audience, type: text, required: true}
                  - {id: channel, type: enum, values: [email, web]}
            work-types:
              - id: asset
                template: brief
                success: [pipeline]
                stages:
                  - {id: draft, kind: making, owner: content, exit: [audience]}
                  - id: review
                    kind: coordination
                    owner: pmm
                    sla: 2d
                    decision: {driver: pmm, approver: legal, contributors: [content], informed: [ana]}
                    gate: {approvers: [legal, pmm], mode: all}
                  - {id: publish, kind: making, owner: pmm}
                transitions: [review -> draft]
            handoffs:
              - {work-type: asset, from: content, to: pmm, at: draft -> review, requires: [audience], sla: 1d}
            """;
}
