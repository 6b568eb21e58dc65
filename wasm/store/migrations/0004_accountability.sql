-- Accountability: stored standards books, people and their role tokens,
-- observations with their history and disputes, calibration sessions, and
-- the pre-aggregated tallies reports are built from. Every row carries its
-- organisation; every query filters by it.

-- Per-organisation settings of the loop.
CREATE TABLE acc_settings (
	org          TEXT    PRIMARY KEY,
	xapi         INTEGER NOT NULL DEFAULT 0,
	lock_minutes INTEGER NOT NULL DEFAULT 10080
);

-- People: supervisors, peer observers and staff, each with the
-- pseudonymous id the organisation chose and a role token (its SHA-256).
CREATE TABLE acc_people (
	org        TEXT    NOT NULL,
	id         TEXT    NOT NULL,
	role       TEXT    NOT NULL,
	team       TEXT    NOT NULL,
	name       TEXT    NOT NULL,
	token_hash TEXT    NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (org, id)
);

-- Books: doc is the current standards.Book (standards and scorecards,
-- no observations).
CREATE TABLE acc_books (
	org        TEXT    NOT NULL,
	id         TEXT    NOT NULL,
	team       TEXT    NOT NULL,
	doc        TEXT    NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (org, id)
);

-- Every version of every standard, as saved.
CREATE TABLE acc_standards (
	org        TEXT    NOT NULL,
	book       TEXT    NOT NULL,
	id         TEXT    NOT NULL,
	version    INTEGER NOT NULL,
	body       TEXT    NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (org, book, id, version)
);

-- Every version of every scorecard: body is a standards.Book holding the
-- scorecard and the versions of the standards on it, so an observation
-- is always checked and scored against what the observer saw.
CREATE TABLE acc_cards (
	org        TEXT    NOT NULL,
	book       TEXT    NOT NULL,
	id         TEXT    NOT NULL,
	version    INTEGER NOT NULL,
	body       TEXT    NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (org, book, id, version)
);

-- Observations: body is the standards.Observation as it stands now
-- (ratings after any dispute). write_id changes with every write and
-- guards the rows written with it in the same batch.
CREATE TABLE acc_observations (
	org          TEXT    NOT NULL,
	id           TEXT    NOT NULL,
	book         TEXT    NOT NULL,
	card         TEXT    NOT NULL,
	card_version INTEGER NOT NULL,
	observer     TEXT    NOT NULL,
	subject      TEXT    NOT NULL,
	team         TEXT    NOT NULL,
	at           INTEGER NOT NULL,
	body         TEXT    NOT NULL,
	digest       TEXT    NOT NULL,
	write_id     TEXT    NOT NULL,
	rev          INTEGER NOT NULL,
	created_at   INTEGER NOT NULL,
	locks_at     INTEGER NOT NULL,
	PRIMARY KEY (org, id)
);
CREATE INDEX acc_observations_book ON acc_observations (org, book, at);
CREATE INDEX acc_observations_subject ON acc_observations (org, subject, at);
CREATE INDEX acc_observations_observer ON acc_observations (org, observer, at);

-- Every step of every observation: recorded, amended, disputed, resolved,
-- with who, when and the observation after the step.
CREATE TABLE acc_history (
	seq         INTEGER PRIMARY KEY AUTOINCREMENT,
	org         TEXT    NOT NULL,
	observation TEXT    NOT NULL,
	kind        TEXT    NOT NULL,
	by          TEXT    NOT NULL,
	at          INTEGER NOT NULL,
	body        TEXT    NOT NULL
);
CREATE INDEX acc_history_observation ON acc_history (org, observation, seq);

-- Pre-aggregated standards.Tally rows (rollup 0) per book, person, team,
-- ISO week and standard ('' for the review row), which a report narrowed
-- to one person or team reads; and their standards.Rollup (rollup 1), one
-- row per person and week and one per standard and week, about a fifth
-- as many, which a whole-book report reads. Reports never read the
-- observations. WITHOUT ROWID keeps a book's rows together in key order,
-- so a report is one range scan.
CREATE TABLE acc_tallies (
	org              TEXT    NOT NULL,
	book             TEXT    NOT NULL,
	rollup           INTEGER NOT NULL,
	subject          TEXT    NOT NULL,
	team             TEXT    NOT NULL,
	week             TEXT    NOT NULL,
	standard         TEXT    NOT NULL,
	reviews          INTEGER NOT NULL DEFAULT 0,
	score_sum        REAL    NOT NULL DEFAULT 0,
	passed           INTEGER NOT NULL DEFAULT 0,
	disputed         INTEGER NOT NULL DEFAULT 0,
	met              INTEGER NOT NULL DEFAULT 0,
	not_met          INTEGER NOT NULL DEFAULT 0,
	na               INTEGER NOT NULL DEFAULT 0,
	purposeful       INTEGER NOT NULL DEFAULT 0,
	needs_correction INTEGER NOT NULL DEFAULT 0,
	rating_sum       REAL    NOT NULL DEFAULT 0,
	PRIMARY KEY (org, book, rollup, subject, team, week, standard)
) WITHOUT ROWID;

-- Purposeful deviations, the stories for the next huddle.
CREATE TABLE acc_stories (
	org         TEXT    NOT NULL,
	book        TEXT    NOT NULL,
	observation TEXT    NOT NULL,
	standard    TEXT    NOT NULL,
	subject     TEXT    NOT NULL,
	team        TEXT    NOT NULL,
	observer    TEXT    NOT NULL,
	at          INTEGER NOT NULL,
	body        TEXT    NOT NULL,
	PRIMARY KEY (org, observation, standard)
);
CREATE INDEX acc_stories_book ON acc_stories (org, book, at);

-- Calibration sessions: doc holds the units to rate, the scorecard
-- snapshot and the expert's answer; result is set at the close.
CREATE TABLE acc_sessions (
	org        TEXT    NOT NULL,
	id         TEXT    NOT NULL,
	book       TEXT    NOT NULL,
	owner      TEXT    NOT NULL,
	deadline   INTEGER NOT NULL,
	doc        TEXT    NOT NULL,
	created_at INTEGER NOT NULL,
	closed_at  INTEGER NOT NULL DEFAULT 0,
	result     TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (org, id)
);
CREATE INDEX acc_sessions_book ON acc_sessions (org, book, closed_at);

-- One answer per rater and session, never replaced.
CREATE TABLE acc_answers (
	org          TEXT    NOT NULL,
	session      TEXT    NOT NULL,
	rater        TEXT    NOT NULL,
	body         TEXT    NOT NULL,
	submitted_at INTEGER NOT NULL,
	PRIMARY KEY (org, session, rater)
);
