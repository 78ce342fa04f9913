-- Hub nodes that share one PostgreSQL database (scale-out). Each node reports here; the live ones share the
-- installations' pollers between them (Ingest/InstallationLeases). Unused by the embedded default.
CREATE TABLE hub_nodes (
    node_id     TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    polling     INTEGER NOT NULL
);
