-- LTI 1.3: platform registrations, login state, used nonces, launches'
-- links and sessions, service access tokens and the score outbox. Every
-- short-lived row carries expires_at (Unix milliseconds) and is deleted
-- once past it.

-- Platforms (LMS registrations) of each organisation.
CREATE TABLE lti_platforms (
	id             TEXT    PRIMARY KEY,
	org            TEXT    NOT NULL,
	name           TEXT    NOT NULL,
	issuer         TEXT    NOT NULL,
	client_id      TEXT    NOT NULL,
	deployment_ids TEXT    NOT NULL,
	auth_url       TEXT    NOT NULL,
	token_url      TEXT    NOT NULL,
	jwks_url       TEXT    NOT NULL,
	created_at     INTEGER NOT NULL,
	UNIQUE (issuer, client_id)
);
CREATE INDEX lti_platforms_org ON lti_platforms (org);

-- Logins in progress: the state sent to the platform, the nonce the
-- id_token must carry, and the hash of the browser binding cookie.
CREATE TABLE lti_states (
	state        TEXT    PRIMARY KEY,
	platform_id  TEXT    NOT NULL,
	nonce        TEXT    NOT NULL,
	browser_hash TEXT    NOT NULL,
	expires_at   INTEGER NOT NULL
);
CREATE INDEX lti_states_expiry ON lti_states (expires_at);

-- Nonces of accepted launches: each is accepted once.
CREATE TABLE lti_nonces (
	platform_id TEXT    NOT NULL,
	nonce       TEXT    NOT NULL,
	expires_at  INTEGER NOT NULL,
	PRIMARY KEY (platform_id, nonce)
);
CREATE INDEX lti_nonces_expiry ON lti_nonces (expires_at);

-- What each resource link opens: a workshop (created on the first
-- instructor launch), recovery practice or the purpose course.
CREATE TABLE lti_links (
	platform_id      TEXT    NOT NULL,
	resource_link_id TEXT    NOT NULL,
	org              TEXT    NOT NULL,
	kind             TEXT    NOT NULL,
	workshop_id      TEXT    NOT NULL DEFAULT '',
	context_id       TEXT    NOT NULL DEFAULT '',
	title            TEXT    NOT NULL DEFAULT '',
	created_at       INTEGER NOT NULL,
	PRIMARY KEY (platform_id, resource_link_id)
);

-- The workshop member of each platform user, so a learner who launches
-- again is the same member.
CREATE TABLE lti_members (
	workshop_id TEXT NOT NULL,
	platform_id TEXT NOT NULL,
	subject     TEXT NOT NULL,
	member_id   TEXT NOT NULL,
	PRIMARY KEY (workshop_id, platform_id, subject)
);

-- Launch sessions: the token the launched page holds (its hash), with
-- what the launch said; expires with the launch.
CREATE TABLE lti_sessions (
	hash        TEXT    PRIMARY KEY,
	org         TEXT    NOT NULL,
	platform_id TEXT    NOT NULL,
	body        TEXT    NOT NULL,
	expires_at  INTEGER NOT NULL
);
CREATE INDEX lti_sessions_expiry ON lti_sessions (expires_at);

-- Access tokens for a platform's services, per scope.
CREATE TABLE lti_access_tokens (
	platform_id TEXT    NOT NULL,
	scope       TEXT    NOT NULL,
	token       TEXT    NOT NULL,
	expires_at  INTEGER NOT NULL,
	PRIMARY KEY (platform_id, scope)
);

-- Scores to post to line items (AGS): one row per attempt, so an attempt
-- is posted once; rows with sent_at = 0 are the outbox.
CREATE TABLE lti_scores (
	id          TEXT    PRIMARY KEY,
	org         TEXT    NOT NULL,
	platform_id TEXT    NOT NULL,
	line_item   TEXT    NOT NULL,
	body        TEXT    NOT NULL,
	created_at  INTEGER NOT NULL,
	sent_at     INTEGER NOT NULL DEFAULT 0,
	attempts    INTEGER NOT NULL DEFAULT 0,
	last_error  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX lti_scores_outbox ON lti_scores (sent_at, created_at);
