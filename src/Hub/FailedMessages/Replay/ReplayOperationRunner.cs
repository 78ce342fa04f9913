using Microsoft.Extensions.Options;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// Runs replay operations, one at a time per node, in throttled batches: a batch of at most
/// <see cref="FailedMessagesOptions.ReplayBatchSize"/> messages is put back on the bus, and the next is sent only once
/// every message of this one has succeeded or failed again (or <see cref="FailedMessagesOptions.BatchSettleTimeout"/>
/// passed), followed by <see cref="FailedMessagesOptions.PauseBetweenBatches"/>. So a replay of 10,000 messages never
/// has more than one batch on the bus, and live traffic keeps flowing. Between operations it settles leftover replays.
/// </summary>
public sealed class ReplayOperationRunner(
    OperationStore operations,
    ReplayBatchSender sender,
    ReplayOutcomeTracker tracker,
    ReplaySignal signal,
    IOptions<FailedMessagesOptions> options,
    TimeProvider time,
    ILogger<ReplayOperationRunner> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var operation = await operations.ClaimNextAsync(time.GetUtcNow(), stoppingToken);
                if (operation is not null)
                {
                    await RunAsync(operation, stoppingToken);
                    continue;
                }
                await tracker.SettleAsync(null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Replay runner failed; trying again shortly");
            }
            await signal.WaitAsync(options.Value.SettleCheckInterval * 4, stoppingToken);
        }
    }

    private async Task RunAsync(OperationRow operation, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Replay operation {OperationId} by {Actor}: {Total} messages in batches of {BatchSize}",
            operation.Id, operation.RequestedBy, operation.Total, operation.BatchSize);
        while (true)
        {
            if (!await operations.HeartbeatAsync(operation.Id, time.GetUtcNow(), stoppingToken))
            {
                await operations.SkipWaitingAsync(operation.Id, SkipReason.Cancelled, stoppingToken);
                await operations.FinishAsync(operation.Id, OperationStatus.Cancelled, "Cancelled by an administrator; batches already sent went on.", time.GetUtcNow(), stoppingToken);
                return;
            }
            var batch = await operations.NextWaitingAsync(operation.Id, operation.BatchSize, stoppingToken);
            if (batch.Count == 0) break;
            var sent = await sender.SendAsync(operation, [.. batch.Select(b => b.MessageId)], stoppingToken);
            var outstanding = await WaitForBatchAsync(operation.Id, sent, stoppingToken);
            await operations.BatchDoneAsync(operation.Id, stoppingToken);
            if (await ShouldStopAsync(operation, batch.Select(b => b.MessageId).ToHashSet(), sent, stoppingToken) is { } note)
            {
                await operations.SkipWaitingAsync(operation.Id, note, stoppingToken);
                await operations.FinishAsync(operation.Id, OperationStatus.Stopped, note + ": the cause is evidently not fixed. Fix it, then replay again.", time.GetUtcNow(), stoppingToken);
                logger.LogWarning("Replay operation {OperationId} stopped: {Note}", operation.Id, note);
                return;
            }
            if (outstanding > 0)
                logger.LogWarning("Replay operation {OperationId}: {Outstanding} messages of a batch did not settle within {Timeout}; going on, they are tracked further",
                    operation.Id, outstanding, settings.BatchSettleTimeout);
            if (settings.PauseBetweenBatches > TimeSpan.Zero) await Task.Delay(settings.PauseBetweenBatches, time, stoppingToken);
        }
        await operations.FinishAsync(operation.Id, OperationStatus.Completed, null, time.GetUtcNow(), stoppingToken);
        logger.LogInformation("Replay operation {OperationId} completed", operation.Id);
    }

    private async Task<int> WaitForBatchAsync(string operationId, int sent, CancellationToken stoppingToken)
    {
        if (sent == 0) return 0;
        var deadline = time.GetUtcNow() + options.Value.BatchSettleTimeout;
        while (true)
        {
            var outstanding = await tracker.SettleAsync(operationId, stoppingToken);
            if (outstanding == 0 || time.GetUtcNow() >= deadline) return outstanding;
            await Task.Delay(options.Value.SettleCheckInterval, time, stoppingToken);
            await operations.HeartbeatAsync(operationId, time.GetUtcNow(), stoppingToken);
        }
    }

    private async Task<string?> ShouldStopAsync(OperationRow operation, IReadOnlySet<Guid> batch, int sent, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (sent < settings.StopCheckMinimumBatch) return null;
        var view = await operations.GetAsync(operation.Id, stoppingToken);
        if (view is null) return null;
        var failedInBatch = await operations.CountInBatchAsync(operation.Id, batch, ItemState.FailedAgain, stoppingToken);
        return failedInBatch >= settings.StopWhenBatchFailsAgainShare * sent && view.Waiting > 0 ? SkipReason.Stopped(failedInBatch, sent) : null;
    }
}
