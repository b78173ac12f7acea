-- Records stored compactly, for uploads and clusterings of millions of households.
--
-- Every dataset gets a small integer key (record_key) for its records and subjects, instead of its
-- 36-character id in every row. Records are kept in blocks of up to 128 consecutive rows: one row of
-- dataset_record_blocks holds first_row .. first_row + row_count - 1. Each record in a block is the
-- length of its cells in bytes (4 bytes, big-endian) and its cells (UTF-8, values in declared feature
-- order separated by U+001F, empty = missing). Whose record it is lives only in dataset_subject_keys:
-- the pseudonym (its 32 bytes, not 64 hex digits) and the row number of each record. A million records
-- take about a third of the space they took, and an upload writes one row per block rather than one
-- per record.
--
-- Existing records move over as blocks of one record each; new uploads write full blocks.

ALTER TABLE datasets ADD COLUMN record_key INTEGER NULL;
UPDATE datasets SET record_key = rowid;
CREATE UNIQUE INDEX ux_datasets_record_key ON datasets (record_key);

-- A new dataset is numbered one past the highest, as SQL Server's identity column does (SQLite has one
-- writer at a time, so two datasets never take the same number).
CREATE TRIGGER tr_datasets_record_key AFTER INSERT ON datasets WHEN NEW.record_key IS NULL
BEGIN
    UPDATE datasets SET record_key = (SELECT IFNULL(MAX(record_key), 0) + 1 FROM datasets) WHERE id = NEW.id;
END;

CREATE TABLE dataset_record_blocks (
    dataset_key  INTEGER NOT NULL REFERENCES datasets (record_key),
    first_row    INTEGER NOT NULL,
    row_count    INTEGER NOT NULL CHECK (row_count BETWEEN 1 AND 128),
    records      BLOB    NOT NULL,
    PRIMARY KEY (dataset_key, first_row)
);

INSERT INTO dataset_record_blocks (dataset_key, first_row, row_count, records)
SELECT d.record_key, r.row_number, 1, unhex(printf('%08x', length(CAST(r.cells AS BLOB)))) || CAST(r.cells AS BLOB)
FROM dataset_records r
JOIN datasets d ON d.id = r.dataset_id
ORDER BY d.record_key, r.row_number;

-- Which records are a subject's: the pseudonym finds the datasets that hold a citizen's record (by its
-- prefix), and the row numbers a clustering leaves out after an upheld "I don't want this".
CREATE TABLE dataset_subject_keys (
    dataset_key        INTEGER NOT NULL REFERENCES datasets (record_key),
    subject_pseudonym  BLOB    NOT NULL CHECK (length(subject_pseudonym) = 32),
    row_number         INTEGER NOT NULL,
    PRIMARY KEY (dataset_key, subject_pseudonym, row_number)
) WITHOUT ROWID;

INSERT INTO dataset_subject_keys (dataset_key, subject_pseudonym, row_number)
SELECT d.record_key, unhex(r.subject_pseudonym), r.row_number
FROM dataset_records r
JOIN datasets d ON d.id = r.dataset_id
ORDER BY d.record_key, unhex(r.subject_pseudonym), r.row_number;

DROP TABLE dataset_records;
DROP TABLE dataset_subjects;
