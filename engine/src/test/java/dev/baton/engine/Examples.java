package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The example models of the repository, found from the project root. */
public final class Examples {

    private Examples() {
    }

    public static Path root() {
        String property = System.getProperty("baton.root");
        if (property != null) {
            return Paths.get(property);
        }
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("examples/b2b-saas.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("examples/b2b-saas.yaml not found above " + System.getProperty("user.dir"));
    }

    public static String text(String name) {
        try {
            return Files.readString(root().resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registry holding the example as version 1. */
    public static ModelVersions versions(String name, java.time.Clock clock) {
        ModelVersions versions = ModelVersions.inMemory(clock);
        ModelUpload upload = versions.upload(name, text(name), "dev.patel");
        assertThat(upload.accepted()).as("%s is valid", name).isTrue();
        return versions;
    }

    /**
     * Version 2 of the B2B SaaS example, as a team might upload it a quarter later: campaigns lose
     * their QA stage (build goes straight to live) and need a budget before leaving build, the
     * content asset work type and its intake form are gone, and launches are tier-1 or tier-2 only.
     */
    public static String b2bSaasV2() {
        String v1 = text("b2b-saas.yaml");
        String v2 = replace(v1, """
                      - id: qa
                        kind: coordination
                        owner: jon.ito
                        sla: 1d
                        gate: { approvers: [jon.ito], mode: any }
                        decision: { driver: jon.ito, approver: nora.haddad }
                """, "");
        v2 = replace(v2, "      - qa -> build                  # rework: QA found broken links or tracking\n", "");
        v2 = replace(v2, "        exit: [landing-page, utm-plan]\n", "        exit: [landing-page, utm-plan, budget]\n");
        v2 = replace(v2, "values: [tier-1, tier-2, tier-3] }", "values: [tier-1, tier-2] }");
        int asset = v2.indexOf("  - id: asset\n");
        int launch = v2.indexOf("  # The launch flow crosses six functions");
        v2 = v2.substring(0, asset) + v2.substring(launch);
        v2 = replace(v2, """
                    - id: content-request
                      name: Request content
                      template: content-request
                      work-type: asset
                      submitters: [pmm, demand-gen, sales, cs, product]
                """, "");
        return v2.replace("version: 2025-Q3", "version: 2025-Q4");
    }

    private static String replace(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalStateException("the example changed: '" + what.strip() + "' is not in it any more");
        }
        return text.replace(what, with);
    }
}
