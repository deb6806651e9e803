-- The model editor's drafts (docs/model-editing.md, "The editor in the browser"): one per user, the
-- YAML text as edited so far. Kept in the database rather than the session so that a reload, a
-- sign-out, an expired session or a server restart loses nothing; saving or discarding deletes it.
-- revision counts the edits, so a page can tell that its answer arrived.
create table model_drafts (
    username     text        primary key,
    source       text        not null,
    base_version integer,
    revision     integer     not null,
    updated_at   timestamptz not null
);
