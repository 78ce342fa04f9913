-- Retention (issue 8) finds a loan's events in the log by the loan's id to pseudonymise them (RetentionChunk); nothing
-- else looks events up by subject. The index 022 made held every event, so each ingest page wrote an entry for each of
-- its ≈ 900 events at scattered places: a quarter of the pages a commit wrote (docs/performance.md, issue 2). It now
-- holds only loan events, whose ids (time-ordered) mostly land at the index's end. The retention query repeats this
-- condition word for word, so that SQLite can use the partial index. (Not written `event_type IN (...)`: SQLite builds
-- the list as a temporary table for every row it inserts, which cost as much as the full index.)
DROP INDEX IF EXISTS event_log_subject;
CREATE INDEX event_log_loan_subject ON event_log (subject_id)
    WHERE event_type = 'LoanStarted' OR event_type = 'LoanRenewed' OR event_type = 'LoanEnded';
