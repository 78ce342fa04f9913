-- Patron services (issue 13): guest lending and return anywhere. See docs/patron-services.md.
-- No table here holds a card number, PIN or name: members appear only by canonical id, in the loans table.

-- A loan the hub recorded because a library lent its copy to a member of another installation. The loan itself is a
-- row in loans (kind Physical, isil = the lending library), so the customer view shows it like any other loan.
CREATE TABLE guest_loans (
    loan_id                  TEXT PRIMARY KEY,
    holding_id               TEXT NOT NULL,
    lending_installation_id  TEXT NOT NULL,
    home_installation_id     TEXT NOT NULL,
    guest_account            TEXT NOT NULL,
    home_notified            {{BOOL}} NOT NULL,
    lent_by                  TEXT NOT NULL,
    created_at               TEXT NOT NULL,
    ended_at                 TEXT
);
CREATE INDEX guest_loans_holding ON guest_loans (holding_id);

-- A copy returned at a library other than its own: checked in at the owner, then in transit to its own library
-- until the owner confirms receipt.
CREATE TABLE copy_returns (
    id                TEXT PRIMARY KEY,
    holding_id        TEXT NOT NULL,
    owning_isil       TEXT NOT NULL,
    returning_isil    TEXT NOT NULL,
    owner_check_in    TEXT NOT NULL,
    state             TEXT NOT NULL,
    returned_at       TEXT NOT NULL,
    returned_by       TEXT NOT NULL,
    received_at       TEXT,
    received_by       TEXT
);
CREATE INDEX copy_returns_holding ON copy_returns (holding_id, state);
CREATE INDEX copy_returns_owner ON copy_returns (owning_isil, state);
