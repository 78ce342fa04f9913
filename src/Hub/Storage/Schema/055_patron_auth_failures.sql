-- Brute-force limit of national patron authentication (issue 13): the failed verifications of a card within the
-- window, shared by every hub node (a per-node count would give N nodes N times the tries). A card appears only as a
-- keyed hash (privacy purpose patron-auth-throttle), never as a number; rows older than the window are deleted as new
-- ones arrive, a success deletes the card's rows.
CREATE TABLE patron_auth_failures (
    card_key   TEXT NOT NULL,
    failed_at  TEXT NOT NULL
);
CREATE INDEX patron_auth_failures_card ON patron_auth_failures (card_key, failed_at);
