-- Hardening (issue 16): tokens expire and can be revoked, the facilitator
-- can close joining, and rate limits count in sliding windows.

-- Tokens: when they stop working (Unix ms; renewed while in use) and
-- whether the facilitator removed their member. Existing tokens get 12 h.
ALTER TABLE tokens ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tokens ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0;
UPDATE tokens SET expires_at = created_at + 43200000;
CREATE INDEX tokens_seats ON tokens (workshop_id, role);

-- Reads of a workshop's events after a cursor (every poll) and its
-- cursor: without this, each scans the workshop's whole log.
CREATE INDEX events_workshop_seq ON events (workshop_id, seq);

-- 1 while the join code admits new members.
ALTER TABLE workshops ADD COLUMN joining INTEGER NOT NULL DEFAULT 1;

-- Sliding-window rate limits: one row per hit of a scope (a client's
-- failed codes, its joins into one workshop, its creations...). A repeat
-- of the same key refreshes its row instead of counting twice.
CREATE TABLE throttle (
	scope TEXT    NOT NULL,
	key   TEXT    NOT NULL,
	at    INTEGER NOT NULL,
	PRIMARY KEY (scope, key)
);
CREATE INDEX throttle_window ON throttle (scope, at);

-- The fixed 15-minute buckets are replaced by throttle.
DROP TABLE join_failures;
