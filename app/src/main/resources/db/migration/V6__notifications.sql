-- Notifications (docs/notifications.md): the person who must act is told, in the in-app inbox and,
-- by their preferences, by email and a Slack/Teams webhook; and the weekly report by email.
-- Everything here is derived from the event log, so a unique key per (what, whom, how) makes a
-- second derivation of the same event a no-op: nothing is sent twice.

-- One row per thing a person must act on: the inbox. `source` names what it is about, the event
-- ('event:<position>') or the SLA clock ('sla:<position of the event that started it>').
create table notifications (
    id          bigserial   primary key,
    source      text        not null,
    recipient   text        not null,
    kind        text        not null check (kind in ('approval', 'handoff', 'sla', 'mention')),
    item_id     text        not null,
    title       text        not null,
    text        text        not null,
    detail      text,
    at          timestamptz not null,
    created_at  timestamptz not null,
    read_at     timestamptz,
    constraint notifications_once unique (source, recipient)
);
create index notifications_inbox on notifications (recipient, id desc);

-- Where the notifier has read the log up to (one row).
create table notification_cursor (
    id       boolean primary key default true check (id),
    position bigint  not null
);
insert into notification_cursor (position) values (0);

-- Per person: where and how to be told. `channels` maps a kind to the channels beyond the inbox
-- ({"approval": ["email", "webhook"]}); a kind not named gets the default (email).
create table notification_preferences (
    person_id   text        primary key,
    email       text,
    webhook_url text,
    email_mode  text        not null default 'immediate' check (email_mode in ('immediate', 'digest')),
    digest_at   time        not null default '08:00',
    zone        text        not null default 'UTC',
    channels    jsonb       not null default '{}'::jsonb,
    updated_at  timestamptz not null default now()
);

-- A weekly report a person asked to get by email: whose, and when (weekday 1 = Monday, ISO).
create table report_subscriptions (
    id          bigserial   primary key,
    person_id   text        not null,
    audience    text        not null check (audience in ('everyone', 'team', 'person', 'initiative')),
    audience_id text,
    weekday     smallint    not null check (weekday between 1 and 7),
    send_at     time        not null,
    zone        text        not null,
    created_at  timestamptz not null default now()
);
create index report_subscriptions_person on report_subscriptions (person_id);

-- Every message sent or to be sent outside the inbox, with its retries: a notification over one
-- channel (unique per notification and channel), or one week's report of a subscription (unique
-- per subscription and week). status: waiting (to be tried at next_attempt_at), sent, failed (given up).
create table deliveries (
    id              bigserial   primary key,
    channel         text        not null check (channel in ('email', 'webhook')),
    recipient       text        not null,
    notification_id bigint      references notifications (id) on delete cascade,
    subscription_id bigint      references report_subscriptions (id) on delete cascade,
    week            text,
    digest          boolean     not null default false,
    status          text        not null default 'waiting' check (status in ('waiting', 'sent', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null,
    constraint deliveries_notification_once unique (notification_id, channel),
    constraint deliveries_report_once unique (subscription_id, week),
    constraint deliveries_of_one_thing check ((notification_id is null) <> (subscription_id is null))
);
create index deliveries_due on deliveries (next_attempt_at) where status = 'waiting';
