-- Union holdings index and holdings synchronisation with the national catalogues (issue 7, docs/holdings-sync.md).
-- Runs on SQLite and PostgreSQL; {{TOKENS}} are expanded by SqlDialect. Times are ISO 8601 UTC text.

-- The union holdings index: each copy's title identifiers in normalised form (ISBN-13, PPN, OCLC number), fed from the
-- event log by Holdings/HoldingsProjection. Lookups join holdings for the copy's details.
CREATE TABLE holdings_index (
    holding_id   TEXT PRIMARY KEY,
    isil         TEXT NOT NULL,
    isbn13       TEXT,
    ppn          TEXT,
    oclc_number  TEXT,
    withdrawn    {{BOOL}} NOT NULL,
    position     BIGINT NOT NULL
);
CREATE INDEX holdings_index_isbn ON holdings_index (isbn13, holding_id);
CREATE INDEX holdings_index_ppn ON holdings_index (ppn, holding_id);
CREATE INDEX holdings_index_oclc ON holdings_index (oclc_number, holding_id);

-- How far the projection has read the event log. Advanced in the same transaction as what it wrote.
CREATE TABLE holdings_projection (
    id          INTEGER PRIMARY KEY,
    position    BIGINT NOT NULL,
    updated_at  TEXT
);
INSERT INTO holdings_projection (id, position) VALUES (1, 0);

-- Copies whose catalogue record may have to be sent: one row per (library, copy) until a batch takes it.
-- forced: send a change even when the catalogue's record looks the same (full resync).
CREATE TABLE holdings_sync_journal (
    isil        TEXT NOT NULL,
    holding_id  TEXT NOT NULL,
    position    BIGINT NOT NULL,
    forced      {{BOOL}} NOT NULL,
    PRIMARY KEY (isil, holding_id)
);

-- One row per library that was ever cut: the lock a cut takes, and the day of its last daily batch.
CREATE TABLE holdings_sync_libraries (
    isil            TEXT PRIMARY KEY,
    last_daily_day  TEXT,
    last_batch_id   TEXT,
    updated_at      TEXT NOT NULL
);

-- A library's changes for one target, cut at one moment; delivered as one or more parts (GGC: one file per part).
CREATE TABLE holdings_sync_batches (
    id               TEXT PRIMARY KEY,
    isil             TEXT NOT NULL,
    target           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    business_day     TEXT NOT NULL,
    sequence         INTEGER NOT NULL,
    label            TEXT NOT NULL,
    status           TEXT NOT NULL,
    records          INTEGER NOT NULL,
    parts            INTEGER NOT NULL,
    accepted         INTEGER NOT NULL,
    rejected         INTEGER NOT NULL,
    unmatched        INTEGER NOT NULL,
    attempts         INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    last_attempt_at  TEXT,
    delivered_at     TEXT,
    last_error       TEXT
);
CREATE INDEX holdings_sync_batches_library ON holdings_sync_batches (isil, created_at);
CREATE INDEX holdings_sync_batches_status ON holdings_sync_batches (status, created_at);

-- One record of a batch, with its own delivery state: the outbox that makes delivery exactly once. part 0: not sent
-- (the hub found no identifier the catalogue can match). payload: the record exactly as sent, so a resent part is
-- byte for byte the same file.
CREATE TABLE holdings_sync_records (
    batch_id        TEXT NOT NULL,
    sequence        INTEGER NOT NULL,
    part            INTEGER NOT NULL,
    holding_id      TEXT NOT NULL,
    isil            TEXT NOT NULL,
    target          TEXT NOT NULL,
    action          TEXT NOT NULL,
    status          TEXT NOT NULL,
    reason          TEXT,
    barcode         TEXT,
    control_number  TEXT NOT NULL,
    bib_reference   TEXT,
    digest          BIGINT NOT NULL,
    payload         TEXT,
    escalation      TEXT NOT NULL,
    escalated_at    TEXT,
    dead_letter_id  TEXT,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (batch_id, sequence)
);
CREATE INDEX holdings_sync_records_holding ON holdings_sync_records (holding_id);
CREATE INDEX holdings_sync_records_status ON holdings_sync_records (isil, status);

-- What each target holds per library, as acknowledged by its reports or read by the last reconciliation.
CREATE TABLE holdings_sync_copies (
    target          TEXT NOT NULL,
    isil            TEXT NOT NULL,
    holding_id      TEXT NOT NULL,
    control_number  TEXT NOT NULL,
    barcode         TEXT,
    bib_reference   TEXT,
    digest          BIGINT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (target, isil, holding_id)
);
CREATE INDEX holdings_sync_copies_holding ON holdings_sync_copies (holding_id);

-- Copies the catalogue cannot hold: no identifier it can match (side Hub), or a title it does not know (side Target).
CREATE TABLE holdings_sync_unmatched (
    target      TEXT NOT NULL,
    isil        TEXT NOT NULL,
    holding_id  TEXT NOT NULL,
    barcode     TEXT,
    side        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    since       TEXT NOT NULL,
    PRIMARY KEY (target, isil, holding_id)
);

CREATE TABLE holdings_sync_reconciliations (
    id               TEXT PRIMARY KEY,
    isil             TEXT NOT NULL,
    target           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    finished_at      TEXT NOT NULL,
    hub_copies       INTEGER NOT NULL,
    target_copies    INTEGER NOT NULL,
    missing          INTEGER NOT NULL,
    surplus          INTEGER NOT NULL,
    differing        INTEGER NOT NULL,
    unmatched        INTEGER NOT NULL,
    repair_batch_id  TEXT,
    samples          TEXT NOT NULL
);
CREATE INDEX holdings_sync_reconciliations_library ON holdings_sync_reconciliations (isil, started_at);
