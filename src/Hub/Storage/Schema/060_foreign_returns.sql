-- Return anywhere, reported by the returning library's own system (issue 13; docs/patron-services.md): the reports
-- handled, so a report read twice (a re-read page, a replayed message) returns the copy once.
CREATE TABLE foreign_returns (
    installation_id  TEXT NOT NULL,
    source_event_id  TEXT NOT NULL,
    holding_id       TEXT NOT NULL,
    return_id        TEXT,
    handled_at       TEXT NOT NULL,
    PRIMARY KEY (installation_id, source_event_id)
);
