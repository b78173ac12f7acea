-- Citizens: one canonical subject id. A dataset declares what its subject ids are: 'bsn' (digits,
-- nine with leading zeros, eleven-test) or 'other' (trimmed, lower-cased). Datasets that existed
-- before this migration are 'other', so their next uploads are read as before (apart from case);
-- new datasets are 'bsn' unless declared otherwise.
ALTER TABLE datasets ADD COLUMN subject_id_kind TEXT NOT NULL DEFAULT 'other' CHECK (subject_id_kind IN ('bsn', 'other'));

-- A client's name as people read it ("Zaaksysteem Werk en Inkomen"): a citizen is shown which
-- applications may use their data, by name. Null for clients made before: their client id is shown.
ALTER TABLE clients ADD COLUMN name TEXT NULL;

-- A citizen sees which datasets hold a record of theirs, found by pseudonym at read time.
CREATE INDEX ix_dataset_records_subject ON dataset_records (dataset_id, subject_pseudonym);
