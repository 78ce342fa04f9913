using Microsoft.Extensions.DependencyInjection;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>The hub's failed-message store (Wolverine's dead letters), as an administrator's tools use it.</summary>
public static class FailedMessages
{
    public static IDeadLetters Of(IServiceProvider services) => services.GetRequiredService<IWolverineRuntime>().Storage.DeadLetters;

    /// <summary>Failed messages whose exception type ends with <paramref name="exceptionType"/>.</summary>
    public static async Task<List<DeadLetterEnvelope>> WithExceptionAsync(IServiceProvider services, string exceptionType)
    {
        var results = await Of(services).QueryAsync(new DeadLetterEnvelopeQuery { PageSize = 1000 }, CancellationToken.None);
        return [.. results.Envelopes.Where(e => e.ExceptionType?.EndsWith(exceptionType, StringComparison.Ordinal) == true)];
    }

    /// <summary>Replays one failed message.</summary>
    public static Task ReplayAsync(IServiceProvider services, Guid id)
        => Of(services).ReplayAsync(new DeadLetterEnvelopeQuery { MessageIds = [id] }, CancellationToken.None);
}
