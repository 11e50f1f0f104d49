-- demo: remembers that the demo store was loaded, so that it is loaded once (and never into a store set up by hand).
create schema demo;

create table demo.load (
    name      text primary key,
    loaded_at timestamptz not null default now()
);
