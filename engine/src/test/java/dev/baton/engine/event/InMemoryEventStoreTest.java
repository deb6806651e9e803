package dev.baton.engine.event;

class InMemoryEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }
}
