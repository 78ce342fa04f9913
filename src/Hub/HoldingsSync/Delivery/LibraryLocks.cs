using System.Collections.Concurrent;

namespace Lsb.Hub.HoldingsSync.Delivery;

/// <summary>
/// One lock per library in this process: a delivery, a replay and a reconciliation of the same library never run at
/// once (a reconciliation replaces what the hub believes the target holds; a delivery updates it).
/// </summary>
public sealed class LibraryLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the library's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string isil, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(isil, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
