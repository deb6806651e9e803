-- The roadmap on the server (docs/roadmap.md#on-the-server): initiatives entered on the roadmap page or
-- through /api/v1/roadmap/initiatives. An id that is also a work item's id gives that item its effort
-- (and value, dependencies, dates); other ids are ideas not yet in Baton. Effort is an input in
-- person-days per function per quarter offset ({"content": [20, 10]}), never derived from the log.
-- Publishing a plan is an event (RoadmapPublished in the stream 'roadmap'), not a row here.
create table roadmap_initiatives (
    id            text        primary key,
    title         text,
    theme         text,
    value         double precision check (value is null or value >= 0),
    effort        jsonb       not null default '{}'::jsonb,
    depends_on    jsonb       not null default '[]'::jsonb,
    earliest      text,
    deadline      text,
    deadline_kind text        not null default 'soft' check (deadline_kind in ('hard', 'soft')),
    entered_by    text        not null,
    entered_at    timestamptz not null,
    updated_at    timestamptz not null
);
