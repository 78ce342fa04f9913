using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Scheduling;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.HoldingsSync.Targets;

namespace Lsb.Hub.HoldingsSync.Delivery;

/// <summary>
/// One delivery attempt of a batch, as a target sees it: the records still to send, and the place to record each
/// outcome the moment the target reports it.
/// </summary>
public sealed class BatchDelivery(SyncBatch batch, LibraryTarget library, HoldingsSyncStore store, HoldingsSyncClock clock)
{
    /// <summary>The batch.</summary>
    public SyncBatch Batch { get; } = batch;

    /// <summary>The library as synchronised with the batch's target.</summary>
    public LibraryTarget Library { get; } = library;

    /// <summary>True when an earlier attempt may have sent something whose outcome was never recorded.</summary>
    public bool Resuming => Batch.Attempts > 1;

    /// <summary>Records still to send, by sequence.</summary>
    public Task<List<SyncRecord>> PendingAsync(CancellationToken cancellationToken) => store.PendingAsync(Batch.Id, cancellationToken);

    /// <summary>Every record of a part, by sequence.</summary>
    public Task<List<SyncRecord>> PartAsync(int part, CancellationToken cancellationToken) => store.PartAsync(Batch.Id, part, cancellationToken);

    /// <summary>Commits outcomes (idempotent: records no longer pending are left alone).</summary>
    public Task RecordAsync(IReadOnlyList<RecordOutcome> outcomes, CancellationToken cancellationToken)
        => store.RecordOutcomesAsync(Batch, outcomes, clock.Now, cancellationToken);
}
