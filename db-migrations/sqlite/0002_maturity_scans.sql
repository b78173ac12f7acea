-- Maturity scans: a scan pins one model id and version; respondents' answers are stored per
-- respondent as JSON ({"questionId": 1..5 or null for not applicable}); completion freezes the
-- scan and stores the computed ScanScore as JSON with unrounded numbers, so a stored score
-- never changes even if the scoring code does.

CREATE TABLE scans (
    id               TEXT NOT NULL PRIMARY KEY,
    tenant_id        TEXT NOT NULL REFERENCES tenants (id),
    organisation_id  TEXT NOT NULL REFERENCES organisations (id),
    model_id         TEXT NOT NULL,
    model_version    INTEGER NOT NULL,
    targets          TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    completed_at     TEXT NULL,
    score            TEXT NULL
);

CREATE INDEX ix_scans_tenant_organisation ON scans (tenant_id, organisation_id, created_at, id);
CREATE INDEX ix_scans_tenant_completed ON scans (tenant_id, completed_at, id);
CREATE INDEX ix_scans_model_completed ON scans (model_id, completed_at);

CREATE TABLE scan_responses (
    tenant_id      TEXT NOT NULL REFERENCES tenants (id),
    scan_id        TEXT NOT NULL REFERENCES scans (id),
    respondent_id  TEXT NOT NULL,
    role           TEXT NULL,
    answers        TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (scan_id, respondent_id)
);
