using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Rejections;
using Lsb.Hub.HoldingsSync.Scheduling;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.HoldingsSync.Targets;

namespace Lsb.Hub.HoldingsSync.Delivery;

/// <summary>
/// Delivers a library's undelivered batches in the order they were cut, under the library's lock, through the target
/// each batch was cut for. After a batch, every newly rejected record is handed to <c>escalate</c> (which queues a
/// <see cref="HoldingRecordRejected"/> message) unless the batch is a replay.
/// </summary>
public sealed class HoldingsDelivery(HoldingsSyncStore store, HoldingsSyncTargets targets, LibraryLocks locks, HoldingsSyncClock clock,
    ILogger<HoldingsDelivery> logger)
{
    /// <summary>Delivers the library's batches up to <paramref name="batchId"/>.</summary>
    public async Task DeliverThroughAsync(string isil, string batchId, Func<HoldingRecordRejected, ValueTask> escalate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalate);
        await using var _ = await locks.AcquireAsync(isil, cancellationToken);
        await DeliverLockedAsync(isil, batchId, escalate, cancellationToken);
    }

    /// <summary>As <see cref="DeliverThroughAsync"/>, for a caller that holds the library's lock already.</summary>
    public async Task DeliverLockedAsync(string isil, string batchId, Func<HoldingRecordRejected, ValueTask> escalate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalate);
        foreach (var batch in await store.UndeliveredUpToAsync(isil, batchId, cancellationToken))
        {
            var library = targets.Resolve(batch.Isil, batch.Target);
            if (library.Target is null)
                throw new HoldingsDeliveryRefusedException($"Batch {batch.Id} of library {isil} was cut for {batch.Target}, which cannot be used now: {library.Problem}");
            await store.MarkAttemptAsync(batch.Id, clock.Now, cancellationToken);
            batch.Attempts++;
            try
            {
                await library.Target.DeliverAsync(new BatchDelivery(batch, library, store, clock), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await store.MarkErrorAsync(batch.Id, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
                throw;
            }
            var delivered = await store.FinishAsync(batch.Id, clock.Now, cancellationToken);
            if (batch.Kind != BatchKind.Replay)
            {
                foreach (var record in await store.ToEscalateAsync(batch.Id, cancellationToken))
                {
                    await escalate(new HoldingRecordRejected(record.BatchId, record.Sequence, record.Isil, record.HoldingId, record.Barcode,
                        record.Target, record.Reason ?? "rejected without a reason"));
                    await store.MarkQueuedAsync(record, clock.Now, cancellationToken);
                }
            }
            logger.LogInformation("Delivered batch {Batch} ({Label}) of library {Isil} to {Target}: {State}",
                batch.Id, batch.Label, isil, batch.Target, delivered ? "every record acknowledged" : "records still pending");
        }
    }
}
