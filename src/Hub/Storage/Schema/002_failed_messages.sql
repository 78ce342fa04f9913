-- Failed-message administration (issue 4). The failed messages themselves live in Wolverine's dead-letter table
-- (messages.db on SQLite, {schema}_bus on PostgreSQL); these tables hold only what Wolverine does not keep:
-- replay attempts and their outcome, resolved messages, bulk operations with progress, the audit trail and
-- comments on groups. Times are ISO 8601 UTC text.

-- One row per replay of one message. At most one Pending row per message (partial unique index): the database,
-- not the caller, guarantees one outstanding replay per message.
CREATE TABLE failed_message_replays (
    id                 TEXT PRIMARY KEY,
    message_id         TEXT NOT NULL,
    operation_id       TEXT NOT NULL,
    requested_at       TEXT NOT NULL,
    requested_by       TEXT NOT NULL,
    replay_count_before INTEGER NOT NULL,
    outcome            TEXT NOT NULL,
    settled_at         TEXT,
    snapshot           TEXT
);
CREATE UNIQUE INDEX failed_message_replays_one_pending ON failed_message_replays (message_id) WHERE outcome = 'Pending';
CREATE INDEX failed_message_replays_message ON failed_message_replays (message_id);
CREATE INDEX failed_message_replays_operation ON failed_message_replays (operation_id, outcome);

-- Messages whose replay succeeded. Wolverine removes a replayed message from its store; this row keeps what an
-- administrator needs to see it was resolved (and refuses a second replay) until retention removes it.
CREATE TABLE failed_messages_resolved (
    message_id         TEXT PRIMARY KEY,
    message_type       TEXT NOT NULL,
    exception_type     TEXT NOT NULL,
    exception_message  TEXT,
    failure_group      TEXT,
    installation_id    TEXT,
    vendor             TEXT,
    isil               TEXT,
    first_failed_at    TEXT,
    last_failed_at     TEXT,
    failures           INTEGER NOT NULL,
    body               TEXT,
    headers            TEXT,
    resolved_at        TEXT NOT NULL,
    resolved_by        TEXT NOT NULL,
    operation_id       TEXT NOT NULL
);
CREATE INDEX failed_messages_resolved_at ON failed_messages_resolved (resolved_at);

-- Bulk operations (replay of ids, a group or a filter), run in throttled batches by the operation runner. Progress
-- is counted from the items; heartbeat_at lets another node resume an operation whose node died.
CREATE TABLE failed_message_operations (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    status             TEXT NOT NULL,
    selection          TEXT NOT NULL,
    requested_by       TEXT NOT NULL,
    requested_at       TEXT NOT NULL,
    started_at         TEXT,
    finished_at        TEXT,
    heartbeat_at       TEXT,
    force              {{BOOL}} NOT NULL,
    batch_size         INTEGER NOT NULL,
    total              INTEGER NOT NULL,
    batches_done       INTEGER NOT NULL,
    cancel_requested   {{BOOL}} NOT NULL,
    note               TEXT
);
CREATE INDEX failed_message_operations_status ON failed_message_operations (status);

-- The messages an operation selected when it was accepted: the selection is frozen, so a message that fails
-- again during the operation is not sent again by it (no poison loop), and a restarted hub resumes where it was.
CREATE TABLE failed_message_operation_items (
    operation_id       TEXT NOT NULL,
    seq                INTEGER NOT NULL,
    message_id         TEXT NOT NULL,
    state              TEXT NOT NULL,
    reason             TEXT,
    PRIMARY KEY (operation_id, seq)
);
CREATE INDEX failed_message_operation_items_state ON failed_message_operation_items (operation_id, state, seq);
CREATE INDEX failed_message_operation_items_message ON failed_message_operation_items (operation_id, message_id);

-- Who did what to failed messages, and when.
CREATE TABLE failed_message_audit (
    id                 TEXT PRIMARY KEY,
    at                 TEXT NOT NULL,
    actor              TEXT NOT NULL,
    action             TEXT NOT NULL,
    target             TEXT NOT NULL,
    affected           INTEGER NOT NULL,
    operation_id       TEXT,
    detail             TEXT
);
CREATE INDEX failed_message_audit_at ON failed_message_audit (at);
CREATE INDEX failed_message_audit_action ON failed_message_audit (action, at);

-- Administrators' notes on a group ("waiting for OCLC to confirm code XR").
CREATE TABLE failed_message_group_comments (
    id                 TEXT PRIMARY KEY,
    failure_group      TEXT NOT NULL,
    author             TEXT NOT NULL,
    at                 TEXT NOT NULL,
    text               TEXT NOT NULL
);
CREATE INDEX failed_message_group_comments_group ON failed_message_group_comments (failure_group, at);
