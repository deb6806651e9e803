-- An append of an event is one statement (JdbcEventStore): its WITH parts check the stream's
-- version and claim the idempotency key, and count the events they let through. This function
-- turns "none" into an error, so that the statement's other parts (the projections' changes)
-- are undone with it and the store can tell a stale or repeated command from a recorded one.
create function baton_appended(appended bigint) returns bigint
    language plpgsql as
$$
begin
    if appended = 0 then
        raise exception 'no event appended: the stream moved on or the command id was used before'
            using errcode = 'BT409';
    end if;
    return appended;
end
$$;
