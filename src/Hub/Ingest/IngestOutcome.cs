namespace Lsb.Hub.Ingest;

/// <summary>What applying a batch of changes did.</summary>
/// <param name="Changes">Changes in the batch.</param>
/// <param name="Skipped">Changes that were duplicates or older than the hub's state.</param>
/// <param name="Events">Canonical events appended to the log.</param>
/// <param name="LastPosition">Log position of the last event appended (0 when none).</param>
public sealed record IngestOutcome(int Changes, int Skipped, int Events, long LastPosition)
{
    /// <summary>Loans to a guest account without a guest loan of the hub: not applied, to be sent on alone and fail visibly.</summary>
    public IReadOnlyList<UnattributedGuestAccountLoan> Unattributed { get; init; } = [];
}
