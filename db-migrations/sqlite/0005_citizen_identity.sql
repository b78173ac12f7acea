-- Citizens: one canonical subject id. A dataset declares what its subject ids are: 'bsn' (digits,
-- nine with leading zeros, eleven-test) or 'other' (trimmed, lower-cased). Datasets that existed
-- before this migration are 'other', so their next uploads are read as before (apart from case);
-- new datasets are 'bsn' unless declared otherwise.
ALTER TABLE datasets ADD COLUMN subject_id_kind TEXT NOT NULL DEFAULT 'other' CHECK (subject_id_kind IN ('bsn', 'other'));

-- A client's name as people read it ("Zaaksysteem Werk en Inkomen"): a citizen is shown which
-- applications may use their data, by name. Null for clients made before: their client id is shown.
ALTER TABLE clients ADD COLUMN name TEXT NULL;

-- A citizen sees which datasets hold a record of theirs, found by pseudonym at read time. The pairs
-- live in a table of their own, filled once per upload in key order (an index on dataset_records
-- would take every row's random pseudonym as it arrives, which made uploads 2.5 times slower).
-- Deleting a dataset deletes its pairs with its records.
CREATE TABLE dataset_subjects (
    dataset_id         TEXT NOT NULL REFERENCES datasets (id),
    subject_pseudonym  TEXT NOT NULL,
    PRIMARY KEY (dataset_id, subject_pseudonym)
) WITHOUT ROWID;

INSERT OR IGNORE INTO dataset_subjects (dataset_id, subject_pseudonym)
SELECT dataset_id, subject_pseudonym FROM dataset_records ORDER BY dataset_id, subject_pseudonym;
