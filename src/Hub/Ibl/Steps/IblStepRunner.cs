using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Process;
using Lsb.Hub.Ibl.Rota;
using Lsb.Hub.Ibl.Storage;

namespace Lsb.Hub.Ibl.Steps;

/// <summary>
/// Carries out one step: sourcing (the rota), or a canonical command through the installation's adapter, then feeds
/// the answer back into the process. A step that is no longer pending is skipped, so a redelivered message does
/// nothing twice; a Transient or Unknown answer throws <see cref="IblStepRetryException"/> for the bus to retry.
/// </summary>
public sealed class IblStepRunner(IblStore store, IblProcess process, IblCommandBuilder builder, AdapterRegistry adapters, LenderSourcing sourcing,
    ILogger<IblStepRunner> logger)
{
    /// <summary>Runs the step named by <paramref name="due"/>.</summary>
    public async Task RunAsync(IblStepDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var c = await store.LoadAsync(due.RequestId, cancellationToken);
        var step = c?.Steps.FirstOrDefault(s => s.StepId == due.StepId);
        if (c is null || step is null || step.Status != IblStepStatus.Pending) return;
        if (step.Kind == IblStepKind.BuildRota)
        {
            var found = await sourcing.FindAsync(c.Request, cancellationToken);
            await process.ApplyAsync(due.RequestId, new RotaFound(step.StepId, found.Lenders, found.Title, found.Author), cancellationToken);
            return;
        }
        var (command, installation, refusal) = await builder.BuildAsync(c, step, cancellationToken);
        var result = refusal ?? await (await adapters.CurrentAsync(installation!, cancellationToken)).ExecuteAsync(command!, cancellationToken);
        if (result.Outcome is CommandOutcome.Transient or CommandOutcome.Unknown)
        {
            throw new IblStepRetryException($"{step.Kind} for request {c.Request.Id} at {step.Agency} ({installation}) did not go through " +
                $"({result.Outcome}: {result.Message}); it is tried again with the same idempotency key.");
        }
        logger.LogInformation("IBL {RequestId}: {Step} at {Agency} → {Outcome}", c.Request.Id, step.Kind, step.Agency, result.Outcome);
        await process.ApplyAsync(due.RequestId, new StepFinished($"adapter:{installation ?? "none"}", step.StepId, result), cancellationToken);
    }
}
