namespace Lsb.Hub.Privacy.Retention;

/// <summary>The report of one retention run: what it changed.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="FinishedAt">End (null while running, or if the hub stopped during it: the next run resumes).</param>
/// <param name="Cutoff">Loans that ended before this were due.</param>
/// <param name="TriggeredBy">schedule, or the API key that asked.</param>
/// <param name="Status">Running, Completed, Failed or Interrupted.</param>
/// <param name="LoansPseudonymised">Loans whose member became a pseudonym.</param>
/// <param name="LoansKeptByConsent">Due loans kept because the person opted in to keeping history.</param>
/// <param name="LogEventsRewritten">Loan events in the log whose member reference became the pseudonym.</param>
/// <param name="WaitingEventsExpired">E-book loan events deleted after waiting too long for their member.</param>
/// <param name="ResumedFrom">The watermark an interrupted pass was resumed from, if any.</param>
/// <param name="Error">Why a run failed.</param>
public sealed record RetentionRun(
    string Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset Cutoff,
    string TriggeredBy,
    string Status,
    long LoansPseudonymised,
    long LoansKeptByConsent,
    long LogEventsRewritten,
    long WaitingEventsExpired,
    string? ResumedFrom,
    string? Error);
