-- Interlibrary loan (issue 9, docs/ibl.md). Every change of a request is one transaction over these tables and the
-- event log; `version` guards against two writers (optimistic concurrency), so two hub nodes can serve one request.

CREATE TABLE ibl_requests (
    id                   TEXT PRIMARY KEY,
    version              BIGINT NOT NULL,
    state                TEXT NOT NULL,
    origin               TEXT NOT NULL,
    requesting_agency    TEXT NOT NULL,
    member_id            TEXT,
    patron_pseudonym     TEXT,
    peer_request_id      TEXT,
    suggested_suppliers  TEXT,
    isbn                 TEXT,
    ppn                  TEXT,
    oclc_number          TEXT,
    title                TEXT,
    author               TEXT,
    pickup_location      TEXT,
    current_position     INTEGER,
    lender_agency        TEXT,
    lender_hold_id       TEXT,
    holding_id           TEXT,
    item_barcode         TEXT,
    temp_item_id         TEXT,
    due_at               TEXT,
    renewals             INTEGER NOT NULL,
    reason               TEXT,
    attention            TEXT,
    next_seq             INTEGER NOT NULL,
    messages_to_requester INTEGER NOT NULL,
    created_at           TEXT NOT NULL,
    created_by           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    ended_at             TEXT
);
CREATE INDEX ibl_requests_requester ON ibl_requests (requesting_agency, state);
CREATE INDEX ibl_requests_lender ON ibl_requests (lender_agency, state);
-- An external agency's request id is unique per agency (ISO 18626 keys a transaction by it).
CREATE UNIQUE INDEX ibl_requests_peer ON ibl_requests (requesting_agency, peer_request_id) WHERE peer_request_id IS NOT NULL;

-- The ordered lenders of a request. Only the selected entry's answers change the request.
CREATE TABLE ibl_rota (
    request_id       TEXT NOT NULL,
    position         INTEGER NOT NULL,
    agency           TEXT NOT NULL,
    channel          TEXT NOT NULL,
    installation_id  TEXT,
    holding_id       TEXT,
    barcode          TEXT,
    local_record_id  TEXT,
    location         TEXT,
    status           TEXT NOT NULL,
    reason           TEXT,
    peer_request_id  TEXT,
    reminded_at      TEXT,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (request_id, position)
);
CREATE INDEX ibl_rota_peer ON ibl_rota (agency, peer_request_id);

-- Commands the request needs carried out by a lender's or borrower's adapter (or by the hub itself).
CREATE TABLE ibl_steps (
    step_id       TEXT PRIMARY KEY,
    request_id    TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    party         TEXT NOT NULL,
    agency        TEXT NOT NULL,
    position      INTEGER,
    vendor_ref    TEXT,
    status        TEXT NOT NULL,
    message       TEXT,
    raw_status    TEXT,
    created_at    TEXT NOT NULL,
    completed_at  TEXT
);
CREATE INDEX ibl_steps_request ON ibl_steps (request_id);
CREATE INDEX ibl_steps_open ON ibl_steps (agency, status);

-- Every transition and noteworthy fact, with time and cause.
CREATE TABLE ibl_history (
    request_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    what        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    agency      TEXT,
    note        TEXT,
    PRIMARY KEY (request_id, seq)
);

-- Messages decided in a transaction, handed to the bus after it commits (claimed_at: by whom and when, so a crash
-- between commit and hand-over is repaired by the sweep; the bus side is idempotent).
CREATE TABLE ibl_outbox (
    id          TEXT PRIMARY KEY,
    request_id  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    claimed_at  TEXT NOT NULL
);
CREATE INDEX ibl_outbox_claimed ON ibl_outbox (claimed_at);

-- ISO 18626 messages the hub sends to external agencies, kept as sent.
CREATE TABLE ibl_iso_messages (
    id          TEXT PRIMARY KEY,
    request_id  TEXT NOT NULL,
    peer        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    xml         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    sent_at     TEXT,
    outcome     TEXT
);
CREATE INDEX ibl_iso_messages_request ON ibl_iso_messages (request_id);

-- Keys the IBL feature generates for itself (the patron pseudonym key) when configuration gives none.
CREATE TABLE ibl_secrets (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
