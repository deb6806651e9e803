-- Experiment results (docs/experiments.md): each upload on an experiment item, reduced to the sufficient
-- statistics the analysis needs (arms, users, settings, per metric and arm n and sums), with who recorded it
-- and when. A projection of ExperimentResultsRecorded, kept in the statement that appends the event; the
-- uploaded file itself is kept nowhere.
create table experiment_results (
    item_id     text        not null,
    upload_id   text        not null,
    format      text        not null,
    file_name   text,
    statistics  jsonb       not null,
    summary     text,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    version     bigint      not null,
    primary key (item_id, upload_id)
);
create index experiment_results_latest on experiment_results (item_id, recorded_at desc);
