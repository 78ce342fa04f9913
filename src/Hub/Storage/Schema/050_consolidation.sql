-- Consolidation (issue 11): re-homing a library from one installation to another, and mergers.

-- A move of one library (by its ISIL at the time) from one installation to another. Steps run in order and each is
-- idempotent, so a hub that stops mid-move resumes where it was (Consolidation/MoveRunner).
CREATE TABLE library_moves (
    id                        TEXT PRIMARY KEY,
    isil                      TEXT NOT NULL,
    source_installation       TEXT NOT NULL,
    source_vendor_library_id  TEXT NOT NULL,
    target_installation       TEXT NOT NULL,
    target_vendor_library_id  TEXT NOT NULL,
    merge_into_isil           TEXT,
    cut_over_at               TEXT NOT NULL,
    overlap_until             TEXT NOT NULL,
    status                    TEXT NOT NULL,
    members_total             INTEGER NOT NULL,
    holdings_total            INTEGER NOT NULL,
    loans_total               INTEGER NOT NULL,
    rebound                   INTEGER NOT NULL,
    report                    TEXT NOT NULL,
    requested_by              TEXT,
    requested_at              TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    cut_over_done_at          TEXT,
    completed_at              TEXT,
    last_error                TEXT
);
CREATE INDEX library_moves_isil ON library_moves (isil);
CREATE INDEX library_moves_status ON library_moves (status);
-- One unfinished move per library at a time, whichever node or administrator asks.
CREATE UNIQUE INDEX library_moves_one_open ON library_moves (isil) WHERE status <> 'Completed';

-- The migration map of a move as accepted (frozen): old local id in the source installation -> new local id in the
-- target, with the canonical id it resolved to. rebound = 1 once the target's id-map entry exists.
CREATE TABLE library_move_map (
    move_id        TEXT NOT NULL,
    entity         TEXT NOT NULL,
    old_local_id   TEXT NOT NULL,
    new_local_id   TEXT NOT NULL,
    canonical_id   TEXT NOT NULL,
    rebound        INTEGER NOT NULL,
    PRIMARY KEY (move_id, entity, old_local_id)
);

-- An id-map entry made by a move is valid from the cut-over: before it, the target's copy of the migrated data is not
-- applied (the source is still the library's system of record). NULL for entries made by ingest.
ALTER TABLE id_map ADD COLUMN bound_at TEXT;

-- During the overlap after a cut-over the source installation keeps reading the library (late changes there still
-- arrive); the row goes when the overlap ends.
CREATE TABLE library_drains (
    isil               TEXT NOT NULL,
    installation_id    TEXT NOT NULL,
    vendor_library_id  TEXT NOT NULL,
    name               TEXT,
    until              TEXT NOT NULL,
    move_id            TEXT NOT NULL,
    PRIMARY KEY (isil, installation_id)
);

-- A library that merged into another but whose records the target system keeps under a library code of their own:
-- still read (it stays in its installation's descriptor), while lookups by its ISIL lead to the library it merged into.
ALTER TABLE libraries ADD COLUMN merged_into TEXT;

-- ISIL history: an ISIL that is no longer a library's current one (after a merger) and the ISIL that replaced it.
-- An ISIL is never re-used, so lookups by it keep working for ever.
CREATE TABLE isil_history (
    isil          TEXT PRIMARY KEY,
    current_isil  TEXT NOT NULL,
    since         TEXT NOT NULL,
    move_id       TEXT NOT NULL
);
CREATE INDEX isil_history_current ON isil_history (current_isil);
