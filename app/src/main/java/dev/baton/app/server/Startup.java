package dev.baton.app.server;

import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import dev.baton.app.store.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What happens once the server is up: the first start creates an admin with a one-time password
 * (printed once, stored only as a hash), {@code --model} stores a model version, {@code --demo}
 * loads the B2B SaaS example and creates the demo users of docs/demo.md.
 */
@Configuration
class Startup {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    /** The password of every demo user (docs/demo.md); demo servers are for trying Baton out, never for real work. */
    static final String DEMO_PASSWORD = "baton-demo";

    /** Demo users: login, role, person of examples/b2b-saas.yaml. */
    static final List<List<String>> DEMO_USERS = List.of(
            List.of("grace", "ops", "grace.lindqvist"),
            List.of("priya", "member", "priya.raman"),
            List.of("maya", "member", "maya.chen"),
            List.of("leo", "member", "leo.okafor"),
            List.of("sam", "member", "sam.rivera"),
            List.of("ines", "member", "ines.duarte"),
            List.of("kai", "member", "kai.bergstrom"),
            List.of("nora", "member", "nora.haddad"),
            List.of("jon", "member", "jon.ito"),
            List.of("alex", "member", "alex.morgan"),
            List.of("rita", "member", "rita.santos"),
            List.of("elena", "member", "elena.fischer"),
            List.of("dev", "ops", "dev.patel"),
            List.of("tomas", "viewer", "tomas.novak"));

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApplicationRunner firstStart(Users users, ModelVersions versions, ObjectProvider<Console> console,
                                 @Value("${baton.demo:false}") boolean demo,
                                 @Value("${baton.model.file:}") String modelFile,
                                 @Value("${baton.model.source:}") String modelSource, ClusterJobs jobs) {
        // Servers started together on a new database create the admin and store the model one after the other.
        return (ApplicationArguments args) -> jobs.runInTurn(ClusterJobs.Job.FIRST_START, () -> {
            Console out = console.getIfAvailable(() -> LOG::info);
            if (users.count() == 0) {
                String password = Users.randomPassword();
                users.create("admin", password, Role.ADMIN, "admin");
                out.println("First start: created user 'admin' with the one-time password " + password);
                out.println("  It is shown only now. Sign in with it and choose your own: PUT /api/v1/me/password");
            }
            if (!modelSource.isEmpty()) {
                store(versions, modelFile, modelSource, out);
            }
            if (demo) {
                if (versions.current().isEmpty()) {
                    store(versions, "examples/b2b-saas.yaml", demoModelText(), out);
                }
                int created = 0;
                for (List<String> user : DEMO_USERS) {
                    if (users.create(user.get(0), DEMO_PASSWORD, Role.of(user.get(1)).orElseThrow(), user.get(2))) {
                        created++;
                    }
                }
                if (created > 0) {
                    out.println("Demo: created " + created + " users (grace, maya, priya, sam, ... see docs/demo.md), "
                            + "password '" + DEMO_PASSWORD + "'");
                }
            }
        });
    }

    private static void store(ModelVersions versions, String file, String source, Console out) {
        ModelUpload upload = versions.upload(file, source, "baton");
        if (upload.refused()) {
            // Valid, but it would break data stored beside the model: the server runs under the current version.
            out.println("Not stored " + file + ": " + upload.refusal().detail() + " The server runs under model version "
                    + versions.current().map(v -> v.number()).orElse(0) + ".");
            return;
        }
        if (!upload.accepted()) {
            // baton serve validated it before starting; a demo model that fails is a bug of ours.
            throw new IllegalStateException(file + " is not a valid model: " + upload.report().errors().get(0).format(file));
        }
        out.println(upload.unchanged() ? "Model version " + upload.version().number() + " is already " + file
                : "Stored " + file + " as model version " + upload.version().number());
    }

    private static String demoModelText() {
        try {
            return demoModel();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String demoModel() throws IOException {
        try (InputStream in = Startup.class.getResourceAsStream("/demo/b2b-saas.yaml")) {
            if (in == null) {
                throw new IOException("the demo model is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
