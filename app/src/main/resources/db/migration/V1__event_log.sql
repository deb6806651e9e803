-- Baton's system of record: the append-only event log, the stored model versions, users, and the
-- projections that are updated in the same transaction as each append (docs/api.md, ADR 0003).

-- Every uploaded operating model; items keep the version they were created with.
create table model_versions (
    number      integer     primary key,
    source      text        not null,
    sha256      text        not null,
    uploaded_at timestamptz not null,
    uploaded_by text        not null
);

-- One row per event, never updated or deleted. (stream, version) is unique: that constraint is
-- what makes optimistic concurrency safe when two commands race on one item.
create table events (
    position       bigserial   primary key,
    stream         text        not null,
    version        bigint      not null check (version >= 1),
    type           text        not null,
    actor          text        not null,
    at             timestamptz not null,
    work_type      text,
    model_version  integer     not null,
    command_id     text,
    event_id       text        unique,
    payload        jsonb       not null,
    -- The writing transaction: the event feed only hands out events whose transaction is older than
    -- every transaction still running, so a reader never skips an event committed out of order.
    transaction_id xid8        not null default pg_current_xact_id(),
    constraint events_stream_version unique (stream, version)
);
create index events_command_id on events (command_id) where command_id is not null;

-- Idempotency keys: one row per command that recorded events; the primary key guarantees that
-- a retried command never records twice, even when the retry races the original.
create table commands (
    command_id  text        primary key,
    stream      text        not null,
    recorded_at timestamptz not null default now()
);

-- Projection: the current state of every work item.
create table items (
    id             text        primary key,
    work_type      text        not null,
    model_version  integer     not null,
    title          text        not null,
    stage          text        not null,
    owner          text,
    fields         jsonb       not null default '{}'::jsonb,
    priority       jsonb       not null default '{}'::jsonb,
    parent         text,
    from_request   text,
    blocked        boolean     not null default false,
    block_reason   text,
    urgent         boolean     not null default false,
    completed      boolean     not null default false,
    version        bigint      not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    updated_at     timestamptz not null
);
create index items_work_type_stage on items (work_type, stage);
create index items_owner on items (owner);

-- Projection: approvals asked for and not yet given, one row per approver (a party id).
create table pending_approvals (
    item_id      text        not null,
    stage        text        not null,
    approver     text        not null,
    requested_at timestamptz not null,
    requested_by text        not null,
    primary key (item_id, stage, approver)
);

-- Projection: handoffs sent and not yet accepted or rejected (at most one per item).
create table pending_handoffs (
    item_id       text        primary key,
    from_function text        not null,
    to_function   text        not null,
    from_stage    text        not null,
    to_stage      text        not null,
    sent_at       timestamptz not null,
    sent_by       text        not null
);

-- Projection: intake requests and the decision taken on each.
create table intake_requests (
    id             text        primary key,
    form           text        not null,
    work_type      text,
    model_version  integer     not null,
    title          text        not null,
    fields         jsonb       not null default '{}'::jsonb,
    status         text        not null check (status in ('open', 'accepted', 'declined', 'deferred')),
    reason         text,
    deferred_until text,
    item_id        text,
    version        bigint      not null,
    submitted_at   timestamptz not null,
    submitted_by   text        not null,
    decided_at     timestamptz,
    decided_by     text
);
create index intake_requests_status on intake_requests (status);

-- Who may sign in. Each user acts as one person of the model (the engine's actor).
create table users (
    username      text        primary key,
    password_hash text        not null,
    role          text        not null check (role in ('admin', 'ops', 'member', 'viewer')),
    person_id     text        not null,
    created_at    timestamptz not null default now()
);

-- API tokens, stored as SHA-256 hex of the token: a leaked table does not leak tokens.
create table api_tokens (
    token_hash text        primary key,
    username   text        not null references users (username) on delete cascade,
    name       text        not null,
    created_at timestamptz not null default now()
);
