-- How far each push subscription of the DWH feed has published (broker delivery; the folder delivery keeps its
-- position in its files).
CREATE TABLE dwh_checkpoints (
    name        TEXT PRIMARY KEY,
    position    BIGINT NOT NULL,
    updated_at  TEXT NOT NULL
);
