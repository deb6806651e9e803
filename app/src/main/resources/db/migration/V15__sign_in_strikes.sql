-- Wrong passwords counted across servers (docs/cluster.md): with several servers behind a load
-- balancer, a password guesser gets one budget, not one per server. One row per user name and
-- per client address with recent failures; rows idle longer than the longest lockout are deleted.
create table sign_in_strikes (
    kind          text        not null, -- 'user' or 'address'
    key           text        not null, -- the user name or address, lower case
    failures      integer     not null, -- wrong passwords since the last lockout
    lockouts      integer     not null, -- lockouts so far: each doubles the next
    last_failure  timestamptz,
    locked_until  timestamptz,
    primary key (kind, key)
);
