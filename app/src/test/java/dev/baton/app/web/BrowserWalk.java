package dev.baton.app.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A walk through the web app in one headless Chromium per test class, against the class's own
 * server (each walk keeps its own {@code @SpringBootTest} and fresh database); screenshots go to
 * {@code app/target/screenshots/RUN}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserWalk {

    private final String run;

    @LocalServerPort
    int port;

    Browser browser;

    BrowserWalk(String run) {
        this.run = run;
    }

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, run);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
