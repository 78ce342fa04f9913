using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Scheduling;
using Lsb.Hub.HoldingsSync.Storage;
using Serilog.Context;
using Wolverine;
using Wolverine.Attributes;

namespace Lsb.Hub.HoldingsSync.Rejections;

/// <summary>
/// Turns a rejected record into a failed message, and replays it. The envelope that first failed is remembered on the
/// record: the same envelope coming back is a replay (re-send the copy's current state in a one-record batch);
/// another envelope for a record already in the store is a duplicate (ignored); a record that is no longer rejected, or
/// that a later batch carried, needs nothing.
/// </summary>
public sealed class HoldingRecordRejectedHandler(HoldingsSyncStore store, BatchCutter cutter, HoldingsDelivery delivery, LibraryLocks locks,
    HoldingsSyncClock clock, IHostApplicationLifetime lifetime, ILogger<HoldingRecordRejectedHandler> logger)
{
    /// <summary>Fails on first handling; re-sends on replay.</summary>
    [MoveToErrorQueueOn(typeof(HoldingRecordRejectedException))]
    public async Task Handle(HoldingRecordRejected message, Envelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        using var _ = LogContext.PushProperty("Isil", message.Isil);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        cancellationToken = stopping.Token;
        await using var __ = await locks.AcquireAsync(message.Isil, cancellationToken);
        var record = await store.RecordAsync(message.BatchId, message.Sequence, cancellationToken);
        if (record is null || record.Status != RecordStatus.Rejected)
        {
            logger.LogInformation("Rejected record {Batch}/{Sequence} of copy {HoldingId} needs nothing: it is {Status}",
                message.BatchId, message.Sequence, message.HoldingId, record?.Status.ToString() ?? "gone");
            return;
        }
        if (record.DeadLetterId is null)
        {
            if (await store.MarkDeadLetteredAsync(record, envelope.Id, clock.Now, cancellationToken))
                throw new HoldingRecordRejectedException(message);
            return;
        }
        if (record.DeadLetterId != envelope.Id.ToString())
        {
            logger.LogInformation("Duplicate rejection message for {Batch}/{Sequence} ignored: envelope {Envelope} is in the failed-message store",
                message.BatchId, message.Sequence, record.DeadLetterId);
            return;
        }
        await ReplayAsync(record, message, cancellationToken);
    }

    private async Task ReplayAsync(SyncRecord record, HoldingRecordRejected message, CancellationToken cancellationToken)
    {
        if (await store.HasLaterRecordAsync(record, cancellationToken))
        {
            await store.CloseRejectedAsync(record, RecordStatus.Superseded, $"{record.Reason} — superseded: a later batch carried the copy", clock.Now, cancellationToken);
            return;
        }
        var replay = await cutter.CutReplayAsync(record, cancellationToken);
        if (replay is null)
        {
            await store.CloseRejectedAsync(record, RecordStatus.Resolved, $"{record.Reason} — resolved: the catalogue already holds the copy's current state, or the copy needs no record", clock.Now, cancellationToken);
            return;
        }
        await delivery.DeliverLockedAsync(record.Isil, replay.Id, _ => ValueTask.CompletedTask, cancellationToken);
        var sent = await store.RecordAsync(replay.Id, 1, cancellationToken);
        switch (sent?.Status)
        {
            case RecordStatus.Accepted:
                await store.CloseRejectedAsync(record, RecordStatus.Resolved, $"{record.Reason} — resolved: accepted on replay in batch {replay.Id}", clock.Now, cancellationToken);
                break;
            case RecordStatus.Unmatched:
                await store.CloseRejectedAsync(record, RecordStatus.Resolved, $"{record.Reason} — on replay the catalogue reported the copy unmatched: {sent.Reason}", clock.Now, cancellationToken);
                break;
            case RecordStatus.Rejected:
                await store.UpdateRejectionAsync(record, sent.Reason ?? record.Reason ?? "rejected", clock.Now, cancellationToken);
                throw new HoldingRecordRejectedException(message with { Reason = sent.Reason ?? message.Reason, BatchId = record.BatchId });
            default:
                throw new InvalidOperationException($"Replay batch {replay.Id} of copy {record.HoldingId} was not acknowledged; the replay is retried.");
        }
    }
}
