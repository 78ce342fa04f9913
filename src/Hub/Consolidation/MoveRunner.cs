using System.Globalization;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Consolidation;

/// <summary>
/// Carries unfinished moves forward, one step at a time: rebind the map in batches, cut over at the cut-over time,
/// end the overlap. A step that fails is recorded on the move (<c>lastError</c>) and tried again at the next check;
/// a hub that restarts picks every unfinished move up where it was.
/// </summary>
public sealed class MoveRunner(MoveStore moves, MoveSignal signal, IOptions<ConsolidationOptions> options, TimeProvider time, ILogger<MoveRunner> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                foreach (var move in await moves.OpenAsync(stoppingToken))
                    busy |= await StepAsync(move, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not read the unfinished library moves; trying again in {Interval}", options.Value.CheckInterval);
            }
            if (busy) continue;
            try
            {
                await signal.WaitAsync(options.Value.CheckInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs the move's next step if it is due; true when there is more to do at once.</summary>
    private async Task<bool> StepAsync(LibraryMove move, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            switch (move.State)
            {
                case MoveStatus.Rebinding:
                    return !await moves.RebindNextAsync(move, cancellationToken);
                case MoveStatus.WaitingForCutOver when now >= Parse(move.CutOverAt):
                    if (await moves.CutOverAsync(move, cancellationToken))
                        logger.LogInformation("Library {Isil} cut over from {Source} to {Target} (move {MoveId})", move.Isil, move.SourceInstallation, move.TargetInstallation, move.Id);
                    return true;
                case MoveStatus.Overlap when now >= Parse(move.OverlapUntil):
                    if (await moves.CompleteAsync(move, cancellationToken))
                        logger.LogInformation("Library {Isil}: overlap over, {Source} no longer reads it; move {MoveId} completed", move.Isil, move.SourceInstallation, move.Id);
                    return false;
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Step {Status} of move {MoveId} (library {Isil}) failed; it is tried again", move.Status, move.Id, move.Isil);
            await moves.RecordErrorAsync(move.Id, $"{move.Status}: {e.GetType().Name}: {e.Message}", cancellationToken);
            return false;
        }
    }

    private static DateTimeOffset Parse(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
