using System.Collections.Concurrent;

namespace Lsb.Hub.Ingest;

/// <summary>
/// Counts pages read (inline ingest) or sent to the bus but not yet applied, per installation, so a poller never runs
/// far ahead of ingest (an initial load of millions of copies must not pile up in memory or in the queue). In-process:
/// each node limits its own pollers.
/// </summary>
public sealed class IngestBackpressure
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Pages of this installation in flight.</summary>
    public int InFlight(string installationId) => _inFlight.TryGetValue(installationId, out var n) ? n : 0;

    /// <summary>A page was sent.</summary>
    public void PageSent(string installationId) => _inFlight.AddOrUpdate(installationId, 1, (_, n) => n + 1);

    /// <summary>A page was handled (applied or failed for good).</summary>
    public void PageDone(string installationId) => _inFlight.AddOrUpdate(installationId, 0, (_, n) => Math.Max(0, n - 1));
}
