-- The hub's own copies table was indexed by ISBN, PPN and OCLC number from the start, but every title lookup (the
-- holdings search, IBL lender sourcing) goes through the union index (holdings_index, kept by the holdings projection
-- with normalised keys). No query used these three; each cost a B-tree write for every copy ingested
-- (docs/performance.md). The ISIL and barcode indexes stay: reconciliation, sync status and return anywhere use them.
DROP INDEX IF EXISTS holdings_isbn;
DROP INDEX IF EXISTS holdings_ppn;
DROP INDEX IF EXISTS holdings_oclc;
