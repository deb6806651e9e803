-- Imports are batches that can be undone (docs/api.md, "Import batches"). Every imported event names
-- its batch; a batch's own events (BatchImported, then ImportRetracted when it is taken back) go to
-- the stream 'import:<id>', and the table import_batches is their projection. A retraction deletes
-- nothing: readers of the log leave out the events of retracted batches.
alter table events add column batch_id text;
create index events_batch_id on events (batch_id) where batch_id is not null;

-- An export imported again after its batch was retracted stores its events again, with the same
-- stable ids: an id is unique within a batch, and the importer (under its advisory lock) skips ids
-- that a standing batch holds.
alter table events drop constraint if exists events_event_id_key;
create unique index events_batch_event_id on events (batch_id, event_id) where event_id is not null;

create table import_batches (
    id            text        primary key,
    kind          text,
    file_name     text,
    imported_by   text        not null,
    imported_at   timestamptz not null,
    model_version integer,
    model         text,
    events        bigint      not null,
    items         bigint      not null,
    new_items     bigint      not null,
    first_at      timestamptz,
    last_at       timestamptz,
    retracted_by  text,
    retracted_at  timestamptz
);

-- Events imported before batches were recorded become one batch, so that they can be retracted too.
insert into import_batches (id, kind, file_name, imported_by, imported_at, events, items, new_items, first_at, last_at)
select 'before-batches', null, null, 'unknown', now(), count(*), count(distinct stream), count(distinct stream),
       min(at), max(at)
from events where event_id is not null
having count(*) > 0;

insert into events (stream, version, type, actor, at, work_type, model_version, payload)
select 'import:before-batches', 1, 'BatchImported', 'unknown', b.imported_at, null, 0,
       jsonb_build_object('batch', b.id, 'kind', null, 'file', null, 'events', b.events, 'items', b.items,
                          'newItems', b.new_items, 'modelVersion', null, 'model', null,
                          'firstAt', to_char(b.first_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'lastAt', to_char(b.last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
from import_batches b where b.id = 'before-batches';

update events set batch_id = 'before-batches' where event_id is not null;
