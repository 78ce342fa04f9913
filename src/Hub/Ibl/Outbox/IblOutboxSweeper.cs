using Lsb.Hub.Ibl.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ibl.Outbox;

/// <summary>
/// Every <see cref="IblOptions.OutboxSweep"/>, hands to the bus the outbox messages whose hand-over did not finish
/// (claimed more than a few sweeps ago: by a node that crashed between commit and hand-over, or a failed send). Runs on
/// every node; a row is claimed by one node at a time (conditional update).
/// </summary>
public sealed class IblOutboxSweeper(IblStore store, IblDispatcher dispatcher, IOptions<IblOptions> options, ILogger<IblOutboxSweeper> logger) : BackgroundService
{
    /// <summary>One sweep; returns how many messages were handed over.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var stale = now - TimeSpan.FromTicks(Math.Max(options.Value.OutboxSweep.Ticks * 3, TimeSpan.FromSeconds(2).Ticks));
        var total = 0;
        while (true)
        {
            var entries = await store.ClaimStaleOutboxAsync(stale, now, 200, cancellationToken);
            if (entries.Count == 0) return total;
            await dispatcher.DispatchAsync(entries, cancellationToken);
            total += entries.Count;
            if (entries.Count < 200) return total;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxSweep);
        do
        {
            try
            {
                var handed = await SweepAsync(stoppingToken);
                if (handed > 0) logger.LogInformation("Handed {Count} left-over IBL messages to the bus", handed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The IBL outbox sweep failed; it runs again in {Interval}", options.Value.OutboxSweep);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
