-- Customer view (issue 8): which memberships are one person, and the consent that lets the view combine them.
-- See docs/customer-view.md for the matching rules.

-- The person each membership belongs to. Derived data: recomputed from the members table by the matching rules
-- (national user id, card number; NEVER name) whenever a member arrives or changes.
CREATE TABLE member_persons (
    member_id   TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL,
    linked_by   TEXT NOT NULL,
    linked_at   TEXT NOT NULL
);
CREATE INDEX member_persons_person ON member_persons (person_id);
CREATE INDEX members_national_user_id ON members (national_user_id);

-- The current decision per membership and purpose ('integral-view', 'keep-loan-history'). A person's effective
-- decision is the latest one across their memberships.
CREATE TABLE consents (
    member_id        TEXT NOT NULL,
    purpose          TEXT NOT NULL,
    granted          {{BOOL}} NOT NULL,
    decided_at       TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    recorded_by      TEXT NOT NULL,
    staff_reference  TEXT,
    source           TEXT NOT NULL,
    PRIMARY KEY (member_id, purpose)
);

-- Every decision ever recorded: who recorded it, when, through which channel. Append-only; erasure removes it.
CREATE TABLE consent_audit (
    id               TEXT PRIMARY KEY,
    member_id        TEXT NOT NULL,
    purpose          TEXT NOT NULL,
    granted          {{BOOL}} NOT NULL,
    decided_at       TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    recorded_by      TEXT NOT NULL,
    staff_reference  TEXT,
    source           TEXT NOT NULL
);
CREATE INDEX consent_audit_member ON consent_audit (member_id, recorded_at);

-- The last consent value each member's ILS reported. An ILS value becomes a decision only when it changes, so an
-- unrelated profile change in the ILS NEVER overrides a later decision recorded at the desk through the API.
CREATE TABLE ils_consents (
    member_id   TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    granted     {{BOOL}} NOT NULL,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (member_id, purpose)
);
