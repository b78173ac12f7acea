-- Publication history and the inequality check's human review.
-- profile_publications: one row per publication of a dataset's profiles, with what it showed and the exact
-- counts behind it (JSON, internal like profile_sets.description), so that a later publication of the same
-- dataset can be compared with every earlier one (differencing). Kept when a set is retired; removed with
-- its dataset.
CREATE TABLE profile_publications (
    id              TEXT    NOT NULL PRIMARY KEY,
    tenant_id       TEXT    NOT NULL REFERENCES tenants (id),
    dataset_id      TEXT    NOT NULL REFERENCES datasets (id),
    profile_set_id  TEXT    NOT NULL UNIQUE REFERENCES profile_sets (id),
    k               INTEGER NOT NULL,
    published_at    TEXT    NOT NULL,
    record          TEXT    NOT NULL
);

CREATE INDEX ix_profile_publications_dataset ON profile_publications (tenant_id, dataset_id, published_at);

-- A person's review of the inequality check's findings for a profile set: who, when, why, and what was found.
CREATE TABLE fairness_reviews (
    id                   TEXT NOT NULL PRIMARY KEY,
    tenant_id            TEXT NOT NULL REFERENCES tenants (id),
    profile_set_id       TEXT NOT NULL UNIQUE REFERENCES profile_sets (id),
    findings             TEXT NOT NULL,
    reasoning            TEXT NOT NULL,
    reviewed_at          TEXT NOT NULL,
    client_id            TEXT NOT NULL,
    user_id              TEXT NOT NULL,
    user_representation  TEXT NULL
);

-- A review that a later one replaced (new findings appeared after it) is kept here, as it was, so no
-- person's recorded reasoning is ever lost.
CREATE TABLE fairness_reviews_replaced (
    id                   TEXT NOT NULL PRIMARY KEY,
    tenant_id            TEXT NOT NULL REFERENCES tenants (id),
    profile_set_id       TEXT NOT NULL REFERENCES profile_sets (id),
    findings             TEXT NOT NULL,
    reasoning            TEXT NOT NULL,
    reviewed_at          TEXT NOT NULL,
    client_id            TEXT NOT NULL,
    user_id              TEXT NOT NULL,
    user_representation  TEXT NULL,
    replaced_at          TEXT NOT NULL
);
