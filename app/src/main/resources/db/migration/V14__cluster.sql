-- Several servers, one database (docs/cluster.md, docs/adr/0008).

-- Every append to the log and every stored model version tells the servers listening on channel
-- 'baton_log' that there is something new, once per transaction (PostgreSQL folds identical
-- notifications of one transaction into one, so a bulk import sends one, not one per event). The
-- payload is the writer's application_name ('baton <instance>' for a server), so that a server
-- can tell its own appends, which it knows already, from another's. Notifications are delivered
-- after the commit, never for a transaction that rolled back.
create function baton_log_moved() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('baton_log', coalesce(current_setting('application_name', true), ''));
    return null;
end
$$;

create trigger events_log_moved after insert on events
    for each statement execute function baton_log_moved();
create trigger model_versions_log_moved after insert on model_versions
    for each statement execute function baton_log_moved();

-- Web sessions (Spring Session JDBC): a form sign-in on one server is valid on every other. The
-- tables Spring Session expects (its schema-postgresql.sql), created here so that Flyway owns every
-- table; Spring's own initialisation is off (spring.session.jdbc.initialize-schema=never).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
