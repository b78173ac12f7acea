-- Pseudonymised datasets and their records, clustering jobs, profile sets and their profiles.
-- JSON columns hold domain values as written by the API (features, quality report, outcome,
-- model, the exact description, which is internal, and the published view, which is frozen).

CREATE TABLE datasets (
    id               TEXT NOT NULL PRIMARY KEY,
    tenant_id        TEXT NOT NULL REFERENCES tenants (id),
    name             TEXT NOT NULL,
    purpose          TEXT NOT NULL,
    features         TEXT NOT NULL,
    retention_until  TEXT NOT NULL,
    record_count     INTEGER NOT NULL DEFAULT 0,
    quality          TEXT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE INDEX ix_datasets_tenant_page ON datasets (tenant_id, created_at, id);
CREATE INDEX ix_datasets_retention ON datasets (retention_until);

-- cells: the record's values in declared feature order, separated by U+001F (empty = missing).
-- subject_pseudonym: keyed HMAC of the subject id; the raw id is never stored.
CREATE TABLE dataset_records (
    dataset_id         TEXT NOT NULL REFERENCES datasets (id),
    row_number         INTEGER NOT NULL,
    subject_pseudonym  TEXT NOT NULL,
    cells              TEXT NOT NULL,
    PRIMARY KEY (dataset_id, row_number)
) WITHOUT ROWID;

CREATE TABLE clusterings (
    id                TEXT NOT NULL PRIMARY KEY,
    tenant_id         TEXT NOT NULL REFERENCES tenants (id),
    dataset_id        TEXT NOT NULL REFERENCES datasets (id),
    status            TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    options           TEXT NOT NULL,
    progress          REAL NOT NULL DEFAULT 0,
    phase             TEXT NULL,
    cancel_requested  INTEGER NOT NULL DEFAULT 0,
    outcome           TEXT NULL,
    model             TEXT NULL,
    description       TEXT NULL,
    error             TEXT NULL,
    created_at        TEXT NOT NULL,
    started_at        TEXT NULL,
    finished_at       TEXT NULL
);

CREATE INDEX ix_clusterings_queue ON clusterings (status, created_at);
CREATE INDEX ix_clusterings_dataset ON clusterings (tenant_id, dataset_id);

CREATE TABLE profile_sets (
    id              TEXT NOT NULL PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants (id),
    dataset_id      TEXT NOT NULL REFERENCES datasets (id),
    clustering_id   TEXT NOT NULL REFERENCES clusterings (id),
    status          TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    description     TEXT NOT NULL,
    method          TEXT NOT NULL,
    published_view  TEXT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    published_at    TEXT NULL,
    retired_at      TEXT NULL
);

CREATE INDEX ix_profile_sets_tenant ON profile_sets (tenant_id, created_at, id);
CREATE INDEX ix_profile_sets_dataset ON profile_sets (tenant_id, dataset_id);
-- At most one published set per tenant.
CREATE UNIQUE INDEX ux_profile_sets_published ON profile_sets (tenant_id) WHERE status = 'published';

CREATE TABLE profiles (
    id              TEXT NOT NULL PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants (id),
    profile_set_id  TEXT NOT NULL REFERENCES profile_sets (id),
    cluster         INTEGER NOT NULL,
    name_nl         TEXT NULL,
    name_en         TEXT NULL,
    description_nl  TEXT NULL,
    description_en  TEXT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (profile_set_id, cluster)
);
