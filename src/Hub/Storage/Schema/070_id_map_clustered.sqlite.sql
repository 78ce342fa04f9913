-- SQLite only (docs/performance.md, issue 2). The id map is read for every entity of every ingest page and written
-- for every new one. As a rowid table with a separate primary-key index, each lookup was two B-tree searches (the key
-- index, then the row) and each new entry two inserts. Stored WITHOUT ROWID, the rows live in the primary key's own
-- B-tree: one search, one insert. Same columns, same rows, same index on canonical_id. PostgreSQL keeps its table.
CREATE TABLE id_map_clustered (
    installation_id  TEXT NOT NULL,
    entity           TEXT NOT NULL,
    local_id         TEXT NOT NULL,
    canonical_id     TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    erased_at        TEXT,
    bound_at         TEXT,
    PRIMARY KEY (installation_id, entity, local_id)
) WITHOUT ROWID;
INSERT INTO id_map_clustered (installation_id, entity, local_id, canonical_id, created_at, erased_at, bound_at)
    SELECT installation_id, entity, local_id, canonical_id, created_at, erased_at, bound_at FROM id_map;
DROP TABLE id_map;
ALTER TABLE id_map_clustered RENAME TO id_map;
CREATE INDEX id_map_canonical ON id_map (canonical_id);
