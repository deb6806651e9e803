package dev.baton.app.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application behind {@code baton serve}: store, security, REST API, operations (probes, metrics). */
@SpringBootApplication(scanBasePackages = {"dev.baton.app.server", "dev.baton.app.store", "dev.baton.app.security",
        "dev.baton.app.api", "dev.baton.app.web", "dev.baton.app.demo", "dev.baton.app.imports", "dev.baton.app.ops", "dev.baton.app.notify",
        "dev.baton.app.learning", "dev.baton.app.outcome", "dev.baton.app.experiment",
        "dev.baton.app.roadmap", "dev.baton.app.assist"})
public class BatonApplication {
}
