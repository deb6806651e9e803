package dev.baton.assist.provider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test of a provider against a fresh fake server on loopback and an empty usage log. */
abstract class WithFakeServer {

    FakeOpenAiServer server;
    UsageLog usage;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAiServer();
        usage = UsageLog.inMemory();
    }

    @AfterEach
    void stop() {
        server.close();
    }
}
