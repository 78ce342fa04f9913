namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>What a target reported for one record of a batch.</summary>
/// <param name="Sequence">The record's sequence in its batch.</param>
/// <param name="Result">Accepted, Rejected or Unmatched.</param>
/// <param name="Reason">Why (for Rejected and Unmatched), or a note.</param>
public sealed record RecordOutcome(int Sequence, RecordStatus Result, string? Reason);
