-- Platform: tenants, their calling applications (clients), scanned organisations and the
-- idempotency record of creating POSTs. Instants are ISO 8601 text in UTC, ids are UUID text.

CREATE TABLE tenants (
    id          TEXT NOT NULL PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- The secret itself is never stored: it is derived from the master key (outside the database)
-- and secret_salt; secret_hash lets us check the derivation in constant time.
CREATE TABLE clients (
    id           TEXT NOT NULL PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenants (id),
    client_id    TEXT NOT NULL UNIQUE,
    secret_salt  TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT NULL
);

CREATE INDEX ix_clients_tenant ON clients (tenant_id);

CREATE TABLE organisations (
    id           TEXT NOT NULL PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenants (id),
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('municipality', 'department', 'partner', 'other')),
    inhabitants  INTEGER NULL CHECK (inhabitants IS NULL OR inhabitants >= 0),
    region       TEXT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE INDEX ix_organisations_tenant_page ON organisations (tenant_id, created_at, id);

-- A creating POST with an Idempotency-Key: pending until the first response is stored, then
-- replayed to every retry with the same key from the same client.
CREATE TABLE idempotency_records (
    tenant_id     TEXT NOT NULL REFERENCES tenants (id),
    client_id     TEXT NOT NULL,
    idem_key      TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status_code   INTEGER NULL,
    location      TEXT NULL,
    content_type  TEXT NULL,
    body          BLOB NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (tenant_id, client_id, idem_key)
);
