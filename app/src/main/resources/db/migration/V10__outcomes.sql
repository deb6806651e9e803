-- Outcome data (docs/outcomes.md, "On the server"): CRM exports and touchpoint files, kept beside the
-- work event log, never inside it as work events. One row per imported export (a batch): its kind, its
-- source, its file name, who imported it and when, its row count and content hash; the export's bytes
-- are kept as received, and every figure is read from them by the one reader of each format
-- (dev.baton.measure.crm.CrmReader), as the CLI reads the same files. Importing a file of the same kind
-- and name again replaces its batch; the same content again changes nothing.
create table outcome_batches (
    id           text        primary key,
    kind         text        not null,
    source       text        not null check (source in ('salesforce', 'hubspot', 'touchpoints')),
    file_name    text        not null,
    content_hash text        not null,
    rows_read    bigint      not null,
    imported_by  text        not null,
    imported_at  timestamptz not null,
    mapping      text,
    unique (kind, file_name)
);
create index outcome_batches_hash on outcome_batches (content_hash);

-- The export as received (gzip or plain), one per batch; deleted with its batch when replaced.
create table outcome_exports (
    batch_id text  primary key references outcome_batches (id) on delete cascade,
    content  bytea not null
);
