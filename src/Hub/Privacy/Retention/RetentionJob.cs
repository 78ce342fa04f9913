using Microsoft.Extensions.Options;

namespace Lsb.Hub.Privacy.Retention;

/// <summary>Runs retention at start and then every <see cref="RetentionOptions.Interval"/> (unless not scheduled).
/// A failed run is reported in its run row and logged; the next one resumes from the watermark.</summary>
public sealed class RetentionJob(RetentionRunner runner, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Scheduled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await runner.RunAsync("schedule", stoppingToken);
                if (run.LoansPseudonymised + run.LoansKeptByConsent + run.WaitingEventsExpired > 0)
                {
                    logger.LogInformation("Retention run {RunId}: {Pseudonymised} loans pseudonymised, {Kept} kept by consent, {Expired} waiting e-book events expired",
                        run.Id, run.LoansPseudonymised, run.LoansKeptByConsent, run.WaitingEventsExpired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention run could not start; trying again in {Interval}", options.Value.Interval);
            }
            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
