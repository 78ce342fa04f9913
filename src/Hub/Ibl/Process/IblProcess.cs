using Lsb.Hub.EventLog;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Outbox;
using Lsb.Hub.Ibl.Storage;

namespace Lsb.Hub.Ibl.Process;

/// <summary>
/// Runs the interlibrary-loan process: loads a request, lets <see cref="IblStateMachine"/> decide, saves the decision
/// in one transaction (optimistic concurrency: a request changed meanwhile by another handler or hub node is loaded
/// and decided again), then hands the decided messages to the bus. Safe to call from any node, any number of times
/// for the same input where the input is idempotent (steps, timers).
/// </summary>
public sealed class IblProcess(IblStore store, IblStateMachine machine, IblDispatcher dispatcher, EventLogSignal signal, IblClock clock)
{
    private const int Attempts = 12;

    /// <summary>Creates a request and starts it.</summary>
    /// <exception cref="IblDuplicateRequestException">An external agency's request id is taken.</exception>
    public async Task CreateAsync(IblRequest request, string actor, string cause, IReadOnlyList<RotaEntry>? rota, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new IblCase(request, [.. rota ?? []], [], isNew: true);
        machine.Apply(c, new RequestPlaced(actor, cause));
        await SaveAndDispatchAsync(c, cancellationToken);
    }

    /// <summary>Applies <paramref name="input"/> to request <paramref name="requestId"/>.</summary>
    public async Task<IblOutcome> ApplyAsync(string requestId, IblInput input, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var c = await store.LoadAsync(requestId, cancellationToken);
            if (c is null) return new IblOutcome(IblOutcomeKind.NotFound, $"No interlibrary-loan request {requestId} is known to the hub.");
            var outcome = machine.Apply(c, input);
            if (outcome.Kind != IblOutcomeKind.Applied || !c.Changed) return outcome;
            try
            {
                await SaveAndDispatchAsync(c, cancellationToken);
                return outcome;
            }
            catch (IblConcurrencyException) when (attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(2, 10 * attempt), cancellationToken);
            }
        }
    }

    private async Task SaveAndDispatchAsync(IblCase c, CancellationToken cancellationToken)
    {
        var last = await store.SaveAsync(c, clock.Now, cancellationToken);
        if (last > 0) signal.Notify(last);
        await dispatcher.DispatchAsync(c.NewOutbox, cancellationToken);
    }
}
