using Dapper;
using Lsb.Hub.Holdings;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Rejections;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.Infrastructure;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Lsb.Hub.HoldingsSync.Scheduling;

/// <summary>
/// Cuts every library's batch at the configured cut-off (daily at 02:00 Europe/Amsterdam by default) after catching the
/// projection up to the log's head, and queues each for delivery. Sweeps on start and every
/// <see cref="HoldingsSyncScheduleOptions.SweepInterval"/>: batches not delivered long after their last attempt, and
/// rejections whose message was lost in a crash, are queued again (handling either twice is harmless). With several hub
/// nodes on PostgreSQL only the node holding the <c>holdings-sync-scheduler</c> cluster lock cuts and sweeps.
/// </summary>
public sealed class HoldingsSyncScheduler(HoldingsProjection projection, BatchCutter cutter, HoldingsSyncStore store, HoldingsSyncClock clock,
    IOptionsMonitor<HoldingsSyncOptions> options, IMessageBus bus, ILogger<HoldingsSyncScheduler> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            logger.LogInformation("Holdings synchronisation is disabled on this node (HoldingsSync:Enabled = false); the union holdings index is still kept");
            return;
        }
        await using var clusterLock = new ClusterLock(store.Database, "holdings-sync-scheduler");
        // Both times are taken from the clock BEFORE anything slow runs: a clock that moves on meanwhile (a test's fake
        // clock jumps a day at a time) then finds the cut already due, instead of the cut being planned after the jump.
        var nextCut = new CutSchedule(options.CurrentValue.Schedule).NextCut(clock.Now);
        var nextSweep = clock.Now + options.CurrentValue.Schedule.SweepInterval;
        await Safely("the start-up sweep", () => WhenLeadingAsync(clusterLock, () => SweepAsync(stoppingToken), stoppingToken), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SleepUntilAsync(nextCut < nextSweep ? nextCut : nextSweep, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (clock.Now >= nextCut)
            {
                var schedule = options.CurrentValue.Schedule;
                var cutAt = clock.Now;
                await Safely("the scheduled cut", () => WhenLeadingAsync(clusterLock,
                    () => CutAllAsync(schedule.Interval >= TimeSpan.FromDays(1) ? BatchKind.Daily : BatchKind.Scheduled, stoppingToken), stoppingToken), stoppingToken);
                // The next cut after the moment this one started, so cut-offs passed while it ran are not skipped.
                nextCut = new CutSchedule(schedule).NextCut(cutAt);
            }
            if (clock.Now >= nextSweep)
            {
                var sweepAt = clock.Now;
                await Safely("the sweep", () => WhenLeadingAsync(clusterLock, () => SweepAsync(stoppingToken), stoppingToken), stoppingToken);
                nextSweep = sweepAt + options.CurrentValue.Schedule.SweepInterval;
            }
        }
    }

    /// <summary>
    /// Waits on the sync clock until <paramref name="wake"/>. A timer is armed relative to the moment it is armed, so
    /// when the clock jumped between reading it and arming the timer (a fake clock moved by a test), the timer would
    /// fire a jump too late; it is armed again then.
    /// </summary>
    private async Task SleepUntilAsync(DateTimeOffset wake, CancellationToken stoppingToken)
    {
        while (true)
        {
            var read = clock.Now;
            if (read >= wake) return;
            var timer = Task.Delay(wake - read, clock.Time, stoppingToken);
            if (clock.Now - read < TimeSpan.FromSeconds(1)) await timer;
        }
    }

    /// <summary>Cuts every library that has changes and queues the batches.</summary>
    public async Task<IReadOnlyList<SyncBatch>> CutAllAsync(BatchKind kind, CancellationToken cancellationToken)
    {
        await projection.CatchUpAsync(cancellationToken);
        List<string> libraries;
        await using (var connection = await store.Database.OpenAsync(cancellationToken))
        {
            libraries = [.. await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT isil FROM holdings_sync_journal ORDER BY isil", cancellationToken: cancellationToken))];
        }
        var cut = new List<SyncBatch>();
        foreach (var isil in libraries)
        {
            var batch = await cutter.CutAsync(isil, kind, cancellationToken);
            if (batch is null) continue;
            cut.Add(batch);
            if (batch.Status != BatchStatus.Delivered) await QueueAsync(batch.Isil, batch.Id);
        }
        if (cut.Count > 0) logger.LogInformation("Cut {Count} {Kind} holdings batches", cut.Count, kind);
        return cut;
    }

    /// <summary>Queues stale batches and lost rejections again; clears old payloads.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        foreach (var batch in (await store.StaleBatchesAsync(clock.Now - o.Schedule.StaleAfter, cancellationToken)).GroupBy(b => b.Isil).Select(g => g.Last()))
        {
            logger.LogInformation("Batch {Batch} of library {Isil} is not delivered since {LastAttempt}; queued again", batch.Id, batch.Isil, batch.LastAttemptAt ?? batch.CreatedAt);
            await QueueAsync(batch.Isil, batch.Id);
        }
        foreach (var record in await store.StaleEscalationsAsync(clock.Now - o.EscalationTimeout, cancellationToken))
        {
            await bus.SendAsync(new HoldingRecordRejected(record.BatchId, record.Sequence, record.Isil, record.HoldingId, record.Barcode, record.Target,
                record.Reason ?? "rejected"), new DeliveryOptions().WithHeader(HoldingsSyncHeaders.Library, record.Isil));
            await store.MarkQueuedAsync(record, clock.Now, cancellationToken);
        }
        var cleared = await store.ClearPayloadsAsync(clock.Now - o.KeepPayloadsFor, cancellationToken);
        if (cleared > 0) logger.LogInformation("Cleared the payloads of {Records} records delivered more than {Days:F0} days ago", cleared, o.KeepPayloadsFor.TotalDays);
    }

    private async Task WhenLeadingAsync(ClusterLock clusterLock, Func<Task> action, CancellationToken cancellationToken)
    {
        if (await clusterLock.TryTakeAsync(cancellationToken)) await action();
        else logger.LogDebug("Another hub node holds the holdings-sync scheduler lock; this node does not cut or sweep");
    }

    private Task QueueAsync(string isil, string batchId)
        => bus.SendAsync(new DeliverHoldingsBatch(isil, batchId), new DeliveryOptions().WithHeader(HoldingsSyncHeaders.Library, isil)).AsTask();

    private async Task Safely(string what, Func<Task> action, CancellationToken stoppingToken)
    {
        try
        {
            await action();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Holdings synchronisation: {What} failed; it runs again at the next cut or sweep", what);
        }
    }
}
