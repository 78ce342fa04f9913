using Microsoft.Extensions.Options;

namespace Lsb.Hub.FailedMessages.Retention;

/// <summary>Runs <see cref="FailedMessageRetention"/> every <see cref="FailedMessagesOptions.RetentionInterval"/>.</summary>
public sealed class RetentionJob(FailedMessageRetention retention, IOptions<FailedMessagesOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.RetentionInterval, time, stoppingToken);
                var outcome = await retention.RunAsync(time.GetUtcNow(), stoppingToken);
                if (outcome.Archived + outcome.Resolved + outcome.Operations > 0)
                    logger.LogInformation("Failed-message retention removed {Archived} archived messages, {Resolved} resolved records and {Operations} finished operations",
                        outcome.Archived, outcome.Resolved, outcome.Operations);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Failed-message retention failed; it runs again in {Interval}", options.Value.RetentionInterval);
            }
        }
    }
}
