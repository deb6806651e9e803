package dev.baton.app.api;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server as {@code baton serve --demo} runs it (B2B SaaS model, demo users with the password
 * {@code baton-demo}), on a random port and a fresh database of the tests' own PostgreSQL.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.demo=true")
abstract class DemoServer {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @LocalServerPort
    int port;

    ApiClient nobody() {
        return ApiClient.anonymous(port);
    }

    ApiClient user(String name) {
        return nobody().as(name, "baton-demo");
    }
}
