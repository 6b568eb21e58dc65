-- Purposeful edge API: first schema. Applied by the local server at start-up
-- and by `wrangler d1 migrations apply` for the worker. Every row carries
-- the organisation that owns it; every query filters by it.

CREATE TABLE workshops (
	id           TEXT    PRIMARY KEY,
	org          TEXT    NOT NULL,
	title        TEXT    NOT NULL,
	join_code    TEXT    NOT NULL UNIQUE,
	anonymous    INTEGER NOT NULL DEFAULT 0,
	setup        TEXT    NOT NULL,
	created_at   INTEGER NOT NULL,
	completed_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX workshops_org ON workshops (org, created_at);

-- Facilitator and participant tokens, stored as SHA-256 hashes only.
CREATE TABLE tokens (
	hash           TEXT    PRIMARY KEY,
	org            TEXT    NOT NULL,
	workshop_id    TEXT    NOT NULL REFERENCES workshops (id),
	role           TEXT    NOT NULL,
	participant_id TEXT    NOT NULL,
	name           TEXT    NOT NULL,
	created_at     INTEGER NOT NULL
);
CREATE INDEX tokens_workshop ON tokens (workshop_id);

-- The event log of each workshop; seq is the polling cursor. The same
-- event id can be stored once per workshop (retries are harmless).
CREATE TABLE events (
	seq         INTEGER PRIMARY KEY AUTOINCREMENT,
	org         TEXT    NOT NULL,
	workshop_id TEXT    NOT NULL REFERENCES workshops (id),
	event_id    TEXT    NOT NULL,
	body        TEXT    NOT NULL,
	digest      TEXT    NOT NULL,
	created_at  INTEGER NOT NULL,
	UNIQUE (workshop_id, event_id)
);

-- Failed join attempts per client (a hash of its address) and 15-minute
-- bucket, to slow down guessing of join codes.
CREATE TABLE join_failures (
	client TEXT    NOT NULL,
	bucket INTEGER NOT NULL,
	count  INTEGER NOT NULL,
	PRIMARY KEY (client, bucket)
);

-- xAPI statements: readable by the organisation; rows with sent_at = 0
-- are the outbox still to deliver to the configured LRS.
CREATE TABLE statements (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	id         TEXT    NOT NULL UNIQUE,
	org        TEXT    NOT NULL,
	verb       TEXT    NOT NULL,
	body       TEXT    NOT NULL,
	created_at INTEGER NOT NULL,
	sent_at    INTEGER NOT NULL DEFAULT 0,
	attempts   INTEGER NOT NULL DEFAULT 0,
	last_error TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX statements_org ON statements (org, seq);
CREATE INDEX statements_outbox ON statements (sent_at, seq);
