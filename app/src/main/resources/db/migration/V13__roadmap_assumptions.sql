-- The roadmap's capacity assumptions on the server (docs/roadmap.md#on-the-server): working days a quarter
-- for a full-time person, the share kept for run-the-business work, holidays per person per quarter
-- ({"2027-Q4": 8}). A planning input: every change is a new row with who made it and when; the newest
-- row is in force, none means the defaults (60 days, 20%, no holidays).
create table roadmap_assumptions (
    id               bigserial        primary key,
    working_days     double precision not null check (working_days >= 0 and working_days <= 92),
    run_the_business double precision not null check (run_the_business >= 0 and run_the_business < 1),
    holidays         jsonb            not null default '{}'::jsonb,
    set_by           text             not null,
    set_at           timestamptz      not null
);
