-- Product CSV imports (issue 8): the validated file and the progress of the durable job that writes it in batches.
-- The job commits each batch together with processed_rows, so a job revived after a crash resumes where it stopped.
-- New schema and table only: safe on a live database.
create schema if not exists catalogcsv;

create table catalogcsv.product_import (
    id                text primary key,
    file_name         text        not null,
    content           text        not null,
    status            text        not null default 'queued'
                      check (status in ('queued', 'running', 'completed', 'failed')),
    total_rows        integer     not null,
    processed_rows    integer     not null default 0,
    created_products  integer     not null default 0,
    updated_products  integer     not null default 0,
    created_variants  integer     not null default 0,
    updated_variants  integer     not null default 0,
    error             text,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz
);

create index product_import_created_idx on catalogcsv.product_import (created_at desc);
