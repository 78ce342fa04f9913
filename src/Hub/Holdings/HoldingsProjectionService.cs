using Lsb.Hub.Bus;
using Lsb.Hub.EventLog;

namespace Lsb.Hub.Holdings;

/// <summary>Keeps the holdings projection caught up: after every commit signalled in this process (on Azure Service Bus
/// also after a commit on another node, announced on the events topic), and at least every
/// <see cref="BusOptions.EffectiveEventLogPollInterval"/>.</summary>
public sealed class HoldingsProjectionService(HoldingsProjection projection, EventLogSignal signal, BusOptions bus, ILogger<HoldingsProjectionService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await projection.CatchUpAsync(stoppingToken);
                failures = 0;
                await signal.WaitAsync(bus.EffectiveEventLogPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
                logger.LogError(e, "The holdings projection failed ({Failures} in a row); it resumes from its checkpoint in {Pause}", failures, pause);
                try { await Task.Delay(pause, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
