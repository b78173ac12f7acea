-- Transparency: assignments (advice, never a decision), the case worker's decision, objections
-- of citizens, and the append-only access log. Subjects appear only as a keyed pseudonym
-- (HMAC with a per-tenant key held outside the database); a raw identifier is never stored.

CREATE TABLE assignments (
    id                             TEXT    NOT NULL PRIMARY KEY,
    tenant_id                      TEXT    NOT NULL REFERENCES tenants (id),
    subject_pseudonym              TEXT    NOT NULL,
    profile_set_id                 TEXT    NOT NULL,
    profile_id                     TEXT    NOT NULL,
    -- The subject's features as sent (JSON {name: value}); the advice is recomputed from them.
    features                       TEXT    NOT NULL,
    uncertain                      INTEGER NOT NULL CHECK (uncertain IN (0, 1)),
    created_at                     TEXT    NOT NULL,
    client_id                      TEXT    NOT NULL,
    user_id                        TEXT    NULL,
    user_representation            TEXT    NULL,
    decision_outcome               TEXT    NULL CHECK (decision_outcome IS NULL OR decision_outcome IN ('follows', 'deviates')),
    decision_reasoning             TEXT    NULL,
    decided_at                     TEXT    NULL,
    decided_by_client_id           TEXT    NULL,
    decided_by_user_id             TEXT    NULL,
    decided_by_user_representation TEXT    NULL,
    -- Set when an upheld objection stops the use of this advice.
    withdrawn_at                   TEXT    NULL
);

CREATE INDEX ix_assignments_subject ON assignments (tenant_id, subject_pseudonym, created_at);

CREATE TABLE objections (
    id                             TEXT NOT NULL PRIMARY KEY,
    tenant_id                      TEXT NOT NULL REFERENCES tenants (id),
    subject_pseudonym              TEXT NOT NULL,
    assignment_id                  TEXT NULL REFERENCES assignments (id),
    kind                           TEXT NOT NULL CHECK (kind IN ('notMe', 'doNotWant')),
    message                        TEXT NULL,
    status                         TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
    created_at                     TEXT NOT NULL,
    client_id                      TEXT NOT NULL,
    reviewed_at                    TEXT NULL,
    review_reasoning               TEXT NULL,
    reviewed_by_client_id          TEXT NULL,
    reviewed_by_user_id            TEXT NULL,
    reviewed_by_user_representation TEXT NULL
);

CREATE INDEX ix_objections_subject ON objections (tenant_id, subject_pseudonym, status);
CREATE INDEX ix_objections_tenant_page ON objections (tenant_id, created_at, id);

-- Modelled on the "Logboek Dataverwerkingen": who (client, person), when, which processing
-- activity, why, and what was done. Append-only: the triggers below refuse every change.
CREATE TABLE access_log (
    id                   TEXT NOT NULL PRIMARY KEY,
    tenant_id            TEXT NOT NULL REFERENCES tenants (id),
    subject_pseudonym    TEXT NOT NULL,
    occurred_at          TEXT NOT NULL,
    client_id            TEXT NOT NULL,
    user_id              TEXT NULL,
    user_representation  TEXT NULL,
    activity             TEXT NOT NULL,
    reason               TEXT NOT NULL,
    action               TEXT NOT NULL,
    resource_id          TEXT NULL
);

CREATE INDEX ix_access_log_subject ON access_log (tenant_id, subject_pseudonym, occurred_at);

CREATE TRIGGER tr_access_log_no_update BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'The access log is append-only: entries cannot be changed.');
END;

CREATE TRIGGER tr_access_log_no_delete BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'The access log is append-only: entries cannot be deleted.');
END;
