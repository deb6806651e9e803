package dev.baton.engine.intake;

/** Where a request stands. Only open requests, and deferred ones whose date has come, are in the queue. */
public enum RequestStatus {
    OPEN, ACCEPTED, DECLINED, DEFERRED
}
