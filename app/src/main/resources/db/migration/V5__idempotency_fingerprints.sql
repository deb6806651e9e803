-- What each Idempotency-Key was first used for: the method, the path and a SHA-256 of the body.
-- A key sent again with another request is refused (422) instead of silently replaying the first.
create table idempotency_fingerprints (
    command_id  text        primary key,
    fingerprint text        not null,
    method      text        not null,
    path        text        not null,
    recorded_at timestamptz not null default now()
);
