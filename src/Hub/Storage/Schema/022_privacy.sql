-- Privacy (issue 8): erasure tombstones and audit, keys for keyed hashes, loan-history retention.

-- Erasure turns a member row and its id-map entries into tombstones: no personal data, and ingest NEVER revives them.
ALTER TABLE members ADD COLUMN erased_at TEXT;
ALTER TABLE id_map ADD COLUMN erased_at TEXT;

-- One secret per purpose for keyed hashes (match keys of waiting digital loans, pseudonyms of old loan history).
-- Made at first start unless configured (Privacy:Keys:{purpose}); different purposes NEVER share a key.
CREATE TABLE privacy_keys (
    purpose      TEXT PRIMARY KEY,
    key_base64   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);

-- Who asked for an erasure and when, and what kinds of data it removed (counts): NEVER the personal data itself.
CREATE TABLE erasures (
    id                      TEXT PRIMARY KEY,
    member_id               TEXT NOT NULL,
    requested_by            TEXT NOT NULL,
    requested_at            TEXT NOT NULL,
    completed_at            TEXT,
    memberships             INTEGER NOT NULL,
    loans_removed           INTEGER NOT NULL,
    waiting_events_removed  INTEGER NOT NULL,
    consent_records_removed INTEGER NOT NULL,
    messages_scrubbed       INTEGER NOT NULL,
    messages_removed        INTEGER NOT NULL,
    last_position           BIGINT NOT NULL
);
-- Every membership an erasure covered, so asking again by any of them answers with the same erasure.
CREATE TABLE erased_members (
    member_id    TEXT PRIMARY KEY,
    erasure_id   TEXT NOT NULL
);

-- Retention: an ended loan is due for pseudonymisation once it ended more than the retention period ago, unless its
-- person keeps history by consent (retention_kept_at; cleared when that consent is withdrawn). The partial index holds
-- exactly the loans not yet decided, so a run reads only its work and a restarted run simply continues.
ALTER TABLE loans ADD COLUMN pseudonymised_at TEXT;
ALTER TABLE loans ADD COLUMN retention_kept_at TEXT;
CREATE INDEX loans_retention_due ON loans (ended_at, id)
    WHERE ended_at IS NOT NULL AND pseudonymised_at IS NULL AND retention_kept_at IS NULL;
-- Loan events are found by loan id when their member reference is pseudonymised.
CREATE INDEX event_log_subject ON event_log (subject_id);
CREATE INDEX digital_loan_events_waiting ON digital_loan_events (received_at) WHERE loan_key IS NOT NULL;

-- Where the current retention pass is (its cut-off and the last loan it decided): a restart resumes there.
CREATE TABLE retention_watermark (
    id              INTEGER PRIMARY KEY,
    pass_cutoff     TEXT,
    last_ended_at   TEXT,
    last_loan_id    TEXT,
    updated_at      TEXT
);
INSERT INTO retention_watermark (id) VALUES (1);

-- One report per run: what it changed.
CREATE TABLE retention_runs (
    id                        TEXT PRIMARY KEY,
    started_at                TEXT NOT NULL,
    finished_at               TEXT,
    cutoff                    TEXT NOT NULL,
    triggered_by              TEXT NOT NULL,
    status                    TEXT NOT NULL,
    loans_pseudonymised       BIGINT NOT NULL,
    loans_kept_by_consent     BIGINT NOT NULL,
    log_events_rewritten      BIGINT NOT NULL,
    waiting_events_expired    BIGINT NOT NULL,
    resumed_from              TEXT,
    error                     TEXT
);
CREATE INDEX retention_runs_started ON retention_runs (started_at);
