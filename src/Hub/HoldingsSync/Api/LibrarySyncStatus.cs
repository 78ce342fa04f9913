using Lsb.Hub.HoldingsSync.Reconciliation;

namespace Lsb.Hub.HoldingsSync.Api;

/// <summary>A library's synchronisation as <c>GET /api/v1/holdings-sync/libraries/{isil}</c> shows it.</summary>
/// <param name="Isil">The library.</param>
/// <param name="Target">Its catalogue.</param>
/// <param name="Synchronised">True when batches are cut and delivered.</param>
/// <param name="Problem">Why not, and what to configure.</param>
/// <param name="Iln">Its GGC ILN, when configured.</param>
/// <param name="WorldCatSymbol">Its OCLC symbol (WorldCat).</param>
/// <param name="HubCopies">Copies the hub holds (not withdrawn).</param>
/// <param name="TargetCopies">Copies the catalogue holds, as acknowledged.</param>
/// <param name="PendingChanges">Copies changed since the last batch (sent with the next one, if their record changed).</param>
/// <param name="LastBatch">The newest batch.</param>
/// <param name="UndeliveredBatches">Batches not yet delivered, oldest first.</param>
/// <param name="Rejected">Copies the catalogue rejected, with reasons (each is a failed message to fix and replay).</param>
/// <param name="Unmatched">Copies the catalogue cannot hold, with reasons.</param>
/// <param name="LastReconciliation">The newest reconciliation.</param>
public sealed record LibrarySyncStatus(string Isil, SyncTargetKind Target, bool Synchronised, string? Problem, string? Iln, string? WorldCatSymbol,
    int HubCopies, int TargetCopies, int PendingChanges, BatchView? LastBatch, IReadOnlyList<BatchView> UndeliveredBatches,
    CopyList<RejectedCopy> Rejected, CopyList<UnmatchedCopy> Unmatched, ReconciliationReport? LastReconciliation);

/// <summary>A count and the first copies of a list.</summary>
/// <param name="Count">How many there are.</param>
/// <param name="Copies">The newest (at most 100).</param>
public sealed record CopyList<T>(int Count, IReadOnlyList<T> Copies);

/// <summary>A batch.</summary>
public sealed record BatchView(string Id, string Label, string Kind, string Target, string BusinessDay, string Status, int Records, int Parts,
    int Accepted, int Rejected, int Unmatched, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, string? LastError);

/// <summary>A copy the catalogue rejected.</summary>
public sealed record RejectedCopy(string HoldingId, string? Barcode, string Action, string? Reason, string BatchId, int Sequence,
    bool InFailedMessages, DateTimeOffset At);

/// <summary>A copy the catalogue cannot hold.</summary>
/// <param name="HoldingId">The copy.</param>
/// <param name="Barcode">Its barcode.</param>
/// <param name="Side"><c>Hub</c>: no identifier the catalogue matches on; <c>Target</c>: the catalogue does not know the title.</param>
/// <param name="Reason">Why.</param>
/// <param name="Since">Since when.</param>
public sealed record UnmatchedCopy(string HoldingId, string? Barcode, string Side, string Reason, DateTimeOffset Since);

/// <summary>A batch with its records.</summary>
public sealed record BatchDetail(BatchView Batch, IReadOnlyList<BatchRecordView> Records);

/// <summary>One record of a batch.</summary>
public sealed record BatchRecordView(int Sequence, int Part, string HoldingId, string? Barcode, string Action, string Status, string? Reason, string ControlNumber);
