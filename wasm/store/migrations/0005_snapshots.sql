-- Snapshots of workshop sessions (issue 16), so that a new process or
-- worker isolate reads a workshop's latest snapshot and the events stored
-- after its cursor, instead of folding the whole log. A snapshot is split
-- in parts (D1 caps a row at 2 MB); the parts of one cursor are written in
-- one batch. version is the snapshot format: a reader ignores other
-- versions and folds the log instead.
CREATE TABLE snapshots (
	workshop_id TEXT    NOT NULL REFERENCES workshops (id),
	cursor      INTEGER NOT NULL,
	part        INTEGER NOT NULL,
	parts       INTEGER NOT NULL,
	org         TEXT    NOT NULL,
	version     INTEGER NOT NULL,
	body        TEXT    NOT NULL,
	created_at  INTEGER NOT NULL,
	PRIMARY KEY (workshop_id, cursor, part)
);
