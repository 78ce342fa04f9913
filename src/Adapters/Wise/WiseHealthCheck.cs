using System.Diagnostics;
using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Adapters.Wise.Http;

namespace Lsb.Hub.Adapters.Wise;

/// <summary>Asks the installation for its library organisations: proves it answers, accepts the WISE_KEY and still
/// holds every library the hub registered. NEVER throws for an unreachable installation.</summary>
internal sealed class WiseHealthCheck(WiseConnection connection, TimeProvider time)
{
    public async Task<AdapterHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        string description;
        var healthy = false;
        try
        {
            var libraries = await connection.ReadAsync((api, c) => api.ListLibraries(c), WiseJsonContext.Default.IReadOnlyListWiseLibrary,
                "checking health", cancellationToken);
            var known = libraries.Select(l => l.LibraryId).ToHashSet(StringComparer.Ordinal);
            var missing = connection.Installation.Libraries.Where(l => !known.Contains(l.VendorLibraryId)).Select(l => $"{l.VendorLibraryId} ({l.Isil})").ToList();
            healthy = missing.Count == 0;
            description = healthy
                ? $"Wise installation '{connection.Installation.Id}' answers and accepts the WISE_KEY; it holds all {connection.Installation.Libraries.Count} registered libraries."
                : $"Wise installation '{connection.Installation.Id}' answers but does not hold library {string.Join(", ", missing)}: correct the installation's registration.";
        }
        catch (Exception e) when (e is IlsUnavailableException or IlsProtocolException)
        {
            description = e.Message;
        }
        var state = connection.CircuitState.ToString();
        Debug.Assert(state is "Closed" or "Open" or "HalfOpen" or "Isolated", "Polly circuit states");
        return new AdapterHealth(healthy, description, time.GetElapsedTime(started), state);
    }
}
