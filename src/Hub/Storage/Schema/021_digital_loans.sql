-- Digital loans pushed by the KB e-book platform (issue 8).

-- A digital loan's key at the platform (a keyed hash of the platform's loan id, or of member + e-book + start):
-- finds the loan for later renewed/ended events. Physical loans leave it null (the partial index skips them).
ALTER TABLE loans ADD COLUMN external_key TEXT;
CREATE UNIQUE INDEX loans_external_key ON loans (external_key) WHERE external_key IS NOT NULL;

-- Every intake event by the platform's event id: the idempotency record. An applied event keeps only id, content
-- hash, type and state. An event that waits (its member is unknown, or its loan has not started yet) also keeps what
-- applying it needs; the member appears there only as keyed hashes, never as a card number or national user id.
CREATE TABLE digital_loan_events (
    event_id      TEXT PRIMARY KEY,
    content_hash  BIGINT NOT NULL,
    event_type    TEXT NOT NULL,
    state         TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    settled_at    TEXT,
    loan_key      TEXT,
    member_key    TEXT,
    national_key  TEXT,
    home_isil     TEXT,
    isbn          TEXT,
    title         TEXT,
    occurred_at   TEXT,
    started_at    TEXT,
    due_at        TEXT,
    ended_at      TEXT
);
CREATE INDEX digital_loan_events_loan_key ON digital_loan_events (loan_key) WHERE loan_key IS NOT NULL;
CREATE INDEX digital_loan_events_member_key ON digital_loan_events (member_key) WHERE member_key IS NOT NULL;
CREATE INDEX digital_loan_events_national_key ON digital_loan_events (national_key) WHERE national_key IS NOT NULL;
