-- The access log becomes tamper-evident: every entry carries its place in its tenant's chain, the
-- hash of the entry before it and its own hash (SHA-256 over the canonical form described in
-- docs/transparency.md), and each tenant's chain head is kept so that a removed last entry shows too.
--
-- Entries written before this migration keep NULL in the new columns: they are the chain's
-- pre-history. The first entry a tenant writes afterwards seals them: its previous hash (the
-- chain's genesis) is a hash over every pre-history entry of the tenant, so a later change to
-- one of them, or an unchained entry slipped in, breaks the chain at its first entry.

ALTER TABLE access_log ADD COLUMN chain_position INTEGER NULL;
ALTER TABLE access_log ADD COLUMN previous_hash TEXT NULL;
ALTER TABLE access_log ADD COLUMN entry_hash TEXT NULL;

-- One entry per place in a tenant's chain: two writers can never fork it.
CREATE UNIQUE INDEX ux_access_log_chain ON access_log (tenant_id, chain_position) WHERE chain_position IS NOT NULL;

CREATE TABLE access_log_chain_heads (
    tenant_id          TEXT    NOT NULL PRIMARY KEY REFERENCES tenants (id),
    position           INTEGER NOT NULL,
    entry_id           TEXT    NOT NULL,
    entry_hash         TEXT    NOT NULL,
    genesis_hash       TEXT    NOT NULL,
    pre_history_count  INTEGER NOT NULL
);

-- A head only moves forward and keeps its genesis; it is never deleted.
CREATE TRIGGER tr_access_log_chain_heads_forward BEFORE UPDATE ON access_log_chain_heads
WHEN NEW.position <= OLD.position OR NEW.genesis_hash <> OLD.genesis_hash OR NEW.pre_history_count <> OLD.pre_history_count OR NEW.tenant_id <> OLD.tenant_id
BEGIN
    SELECT RAISE(ABORT, 'The access log chain only moves forward.');
END;

CREATE TRIGGER tr_access_log_chain_heads_no_delete BEFORE DELETE ON access_log_chain_heads
BEGIN
    SELECT RAISE(ABORT, 'The access log chain cannot be deleted.');
END;
