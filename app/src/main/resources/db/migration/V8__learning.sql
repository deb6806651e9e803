-- Learning loops (docs/learning-loops.md): projections of the learning events in the log, kept in the
-- statement that appends each event, like items and intake requests. The log stays the record; these
-- tables are what the insight log's search, the post-mortem lists and the loop's figures read.

-- The latest post-mortem written of each reviewed item.
create table post_mortems (
    item_id    text        primary key,
    work_type  text,
    title      text        not null,
    went_well  text,
    to_change  text,
    facts      jsonb       not null default '[]'::jsonb,
    written_by text        not null,
    written_at timestamptz not null,
    version    bigint      not null
);

-- The insight log: what was learned, its component tags (a JSON list, searched with @>) and where it came from.
create table insights (
    id            text        primary key,
    title         text        not null,
    finding       text,
    tags          jsonb       not null default '[]'::jsonb,
    source        text        not null check (source in ('post-mortem', 'experiment', 'direct')),
    source_ref    text,
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    model_version integer     not null,
    version       bigint      not null
);
create index insights_recorded_at on insights (recorded_at desc);
create index insights_tags on insights using gin (tags jsonb_path_ops);
create index insights_source_ref on insights (source_ref) where source_ref is not null;

-- Follow-up work items of insights; completed_at follows the item's ItemCompleted (and ItemReopened clears it).
create table insight_follow_ups (
    item_id      text        primary key,
    insight_id   text        not null,
    work_type    text        not null,
    title        text        not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    completed_at timestamptz
);
create index insight_follow_ups_insight on insight_follow_ups (insight_id);

-- Proposed changes to the operating model and the model owner's decision on each.
create table model_change_proposals (
    id           text        primary key,
    insight_id   text        not null,
    kind         text        not null,
    change       jsonb       not null,
    base_version integer     not null,
    summary      text        not null,
    status       text        not null check (status in ('open', 'accepted', 'declined')),
    proposed_by  text        not null,
    proposed_at  timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    reason       text,
    accepted_as  integer,
    reapplied    boolean     not null default false,
    version      bigint      not null
);
create index model_change_proposals_insight on model_change_proposals (insight_id);
create index model_change_proposals_status on model_change_proposals (status);
