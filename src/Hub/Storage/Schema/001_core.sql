-- Core tables of the hub's state. Runs on SQLite and PostgreSQL; {{TOKENS}} are expanded by SqlDialect.
-- Times are ISO 8601 UTC text ("O" format), so they sort and read the same on both.

CREATE TABLE installations (
    id               TEXT PRIMARY KEY,
    vendor           TEXT NOT NULL,
    owning_poi       TEXT NOT NULL,
    endpoint         TEXT NOT NULL,
    credentials_ref  TEXT NOT NULL,
    display_name     TEXT,
    registered_at    TEXT NOT NULL,
    registered_by    TEXT
);

CREATE TABLE libraries (
    isil               TEXT PRIMARY KEY,
    installation_id    TEXT NOT NULL,
    vendor_library_id  TEXT NOT NULL,
    name               TEXT,
    original_isil      TEXT
);
CREATE INDEX libraries_installation ON libraries (installation_id);

-- (installation, entity, vendor local id) -> canonical id. Canonical ids never encode the installation.
CREATE TABLE id_map (
    installation_id  TEXT NOT NULL,
    entity           TEXT NOT NULL,
    local_id         TEXT NOT NULL,
    canonical_id     TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    PRIMARY KEY (installation_id, entity, local_id)
);
CREATE INDEX id_map_canonical ON id_map (canonical_id);

CREATE TABLE members (
    id                TEXT PRIMARY KEY,
    home_isil         TEXT NOT NULL,
    installation_id   TEXT,
    card_number       TEXT,
    national_user_id  TEXT,
    given_name        TEXT,
    family_name       TEXT,
    birth_date        TEXT,
    street            TEXT,
    house_number      TEXT,
    postcode          TEXT,
    city              TEXT,
    email             TEXT,
    category          TEXT NOT NULL,
    status            TEXT NOT NULL,
    expires_on        TEXT,
    registered_on     TEXT,
    removed           {{BOOL}} NOT NULL,
    source_version    BIGINT NOT NULL,
    content_hash      BIGINT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX members_card ON members (card_number);
CREATE INDEX members_isil ON members (home_isil);

CREATE TABLE holdings (
    id                TEXT PRIMARY KEY,
    isil              TEXT NOT NULL,
    installation_id   TEXT,
    barcode           TEXT,
    isbn              TEXT,
    ppn               TEXT,
    oclc_number       TEXT,
    local_record_id   TEXT,
    title             TEXT NOT NULL,
    author            TEXT,
    material_type     TEXT NOT NULL,
    location          TEXT,
    shelfmark         TEXT,
    status            TEXT NOT NULL,
    raw_status        TEXT,
    ibl_lendable      {{BOOL}} NOT NULL,
    withdrawn         {{BOOL}} NOT NULL,
    source_version    BIGINT NOT NULL,
    content_hash      BIGINT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX holdings_isil ON holdings (isil);
CREATE INDEX holdings_isbn ON holdings (isbn);
CREATE INDEX holdings_ppn ON holdings (ppn);
CREATE INDEX holdings_oclc ON holdings (oclc_number);
CREATE INDEX holdings_barcode ON holdings (barcode);

CREATE TABLE loans (
    id                TEXT PRIMARY KEY,
    kind              TEXT NOT NULL,
    member_id         TEXT NOT NULL,
    holding_id        TEXT,
    isil              TEXT NOT NULL,
    installation_id   TEXT,
    ebook_isbn        TEXT,
    title             TEXT,
    started_at        TEXT NOT NULL,
    due_at            TEXT,
    ended_at          TEXT,
    renewals          INTEGER NOT NULL,
    source_version    BIGINT NOT NULL,
    content_hash      BIGINT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX loans_member ON loans (member_id);
CREATE INDEX loans_holding ON loans (holding_id);
CREATE INDEX loans_isil ON loans (isil);

-- The append-only log of accepted canonical events. position is gap-free: it is taken from event_log_head in the
-- same transaction as the state change, so positions are assigned in commit order. Rows are kept thin (what is the
-- same for a whole ingest batch lives once in event_batches; the payload holds only the type's own fields).
CREATE TABLE event_log (
    position         {{POSITION_PK}},
    event_id         TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    schema_version   INTEGER NOT NULL,
    subject_id       TEXT NOT NULL,
    isil             TEXT,
    source_event_id  TEXT NOT NULL,
    occurred_at      TEXT NOT NULL,
    batch_id         BIGINT NOT NULL,
    payload          TEXT NOT NULL
);

-- One row per append: the events batch_id = id .. last_position came from source_system in one transaction.
CREATE TABLE event_batches (
    id               {{POSITION_PK}},
    last_position    BIGINT NOT NULL,
    source_system    TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    correlation_id   TEXT
);

CREATE TABLE event_log_head (
    id             INTEGER PRIMARY KEY,
    last_position  BIGINT NOT NULL
);
INSERT INTO event_log_head (id, last_position) VALUES (1, 0);

-- Where each installation's change feed was read up to, and how polling went.
CREATE TABLE ingest_cursors (
    installation_id       TEXT PRIMARY KEY,
    cursor                TEXT,
    last_poll_at          TEXT,
    last_success_at       TEXT,
    last_change_at        TEXT,
    last_error            TEXT,
    last_error_at         TEXT,
    consecutive_failures  INTEGER NOT NULL,
    changes_read          BIGINT NOT NULL,
    pages_read            BIGINT NOT NULL
);
