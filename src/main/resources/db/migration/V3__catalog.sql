-- catalog: products, options, variants, media, types, tags, collections, categories, search.
create schema catalog;

create table catalog.product_type (
    id         text primary key,
    value      text        not null unique,
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);

create table catalog.product_tag (
    id         text primary key,
    value      text        not null unique,
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);

create table catalog.product_collection (
    id         text primary key,
    title      text        not null,
    handle     text        not null,
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);
create unique index product_collection_handle_idx on catalog.product_collection (handle) where deleted_at is null;

-- Categories form a tree; mpath is the path of ids from the root ("pcat_a.pcat_b") for subtree queries.
create table catalog.product_category (
    id                 text primary key,
    name               text        not null,
    description        text        not null default '',
    handle             text        not null,
    mpath              text        not null,
    parent_category_id text references catalog.product_category (id),
    rank               int         not null default 0,
    is_active          boolean     not null default true,
    is_internal        boolean     not null default false,
    metadata           jsonb,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    deleted_at         timestamptz
);
create unique index product_category_handle_idx on catalog.product_category (handle) where deleted_at is null;
create index product_category_parent_idx on catalog.product_category (parent_category_id, rank);
create index product_category_mpath_idx on catalog.product_category (mpath text_pattern_ops);

-- kind separates merchandise with its own rules: standard (shipped goods), digital (no shipping),
-- optical_frame, optical_lens, contact_lens; kind-specific attributes live in typed tables of their modules.
create table catalog.product (
    id             text primary key,
    title          text        not null,
    subtitle       text,
    handle         text        not null,
    description    text,
    status         text        not null default 'draft' check (status in ('draft', 'proposed', 'published', 'rejected')),
    kind           text        not null default 'standard'
        check (kind in ('standard', 'digital', 'optical_frame', 'optical_lens', 'contact_lens')),
    is_giftcard    boolean     not null default false,
    discountable   boolean     not null default true,
    thumbnail      text,
    weight         numeric,
    length         numeric,
    height         numeric,
    width          numeric,
    origin_country text,
    hs_code        text,
    mid_code       text,
    material       text,
    external_id    text,
    type_id        text references catalog.product_type (id),
    collection_id  text references catalog.product_collection (id),
    metadata       jsonb,
    -- Maintained by the catalog on every write: title, subtitle, description, tags and SKUs, for full-text search.
    search_text    text        not null default '',
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    deleted_at     timestamptz
);
create unique index product_handle_idx on catalog.product (handle) where deleted_at is null;
create index product_live_created_idx on catalog.product (created_at desc, id) where deleted_at is null and status = 'published';
create index product_live_title_idx on catalog.product (title, id) where deleted_at is null and status = 'published';
create index product_collection_idx on catalog.product (collection_id) where deleted_at is null;
create index product_type_idx on catalog.product (type_id) where deleted_at is null;
create index product_search_fts_idx on catalog.product using gin (to_tsvector('english', search_text));
create index product_title_trgm_idx on catalog.product using gin (title gin_trgm_ops);

create table catalog.product_image (
    id         text primary key,
    product_id text        not null references catalog.product (id),
    url        text        not null,
    rank       int         not null default 0,
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);
create index product_image_product_idx on catalog.product_image (product_id, rank);

create table catalog.product_option (
    id         text primary key,
    product_id text        not null references catalog.product (id),
    title      text        not null,
    rank       int         not null default 0,
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);
create index product_option_product_idx on catalog.product_option (product_id, rank);

create table catalog.product_option_value (
    id         text primary key,
    option_id  text        not null references catalog.product_option (id),
    value      text        not null,
    rank       int         not null default 0,
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);
create index product_option_value_option_idx on catalog.product_option_value (option_id, rank);

create table catalog.product_variant (
    id                 text primary key,
    product_id         text        not null references catalog.product (id),
    title              text        not null,
    sku                text,
    barcode            text,
    ean                text,
    upc                text,
    manage_inventory   boolean     not null default true,
    allow_backorder    boolean     not null default false,
    weight             numeric,
    length             numeric,
    height             numeric,
    width              numeric,
    origin_country     text,
    hs_code            text,
    mid_code           text,
    material           text,
    variant_rank       int         not null default 0,
    metadata           jsonb,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    deleted_at         timestamptz
);
create index product_variant_product_idx on catalog.product_variant (product_id, variant_rank);
create unique index product_variant_sku_idx on catalog.product_variant (sku) where deleted_at is null and sku is not null;

create table catalog.product_variant_option (
    variant_id      text not null references catalog.product_variant (id),
    option_value_id text not null references catalog.product_option_value (id),
    primary key (variant_id, option_value_id)
);
create index product_variant_option_value_idx on catalog.product_variant_option (option_value_id);

create table catalog.product_tags (
    product_id text not null references catalog.product (id),
    tag_id     text not null references catalog.product_tag (id),
    primary key (product_id, tag_id)
);
create index product_tags_tag_idx on catalog.product_tags (tag_id);

create table catalog.product_category_product (
    product_id  text not null references catalog.product (id),
    category_id text not null references catalog.product_category (id),
    primary key (product_id, category_id)
);
create index product_category_product_category_idx on catalog.product_category_product (category_id);

-- Which sales channels sell a product (ids of market.sales_channel; the catalog does not reach into market).
create table catalog.product_sales_channel (
    product_id       text not null references catalog.product (id),
    sales_channel_id text not null,
    primary key (product_id, sales_channel_id)
);
create index product_sales_channel_channel_idx on catalog.product_sales_channel (sales_channel_id, product_id);
