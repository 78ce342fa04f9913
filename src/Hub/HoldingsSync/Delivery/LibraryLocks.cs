using System.Collections.Concurrent;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Delivery;

/// <summary>
/// One lock per library across the cluster: a delivery, a replay and a reconciliation of the same library never run at
/// once (a reconciliation replaces what the hub believes the target holds; a delivery updates it). In this process a
/// semaphore; on PostgreSQL also a session advisory lock (<see cref="ClusterLock"/>), so other hub nodes wait too.
/// </summary>
public sealed class LibraryLocks(HubDatabase database)
{
    private static readonly TimeSpan ClusterWait = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the library's lock; dispose the result to release it. Throws <see cref="LibraryBusyException"/>
    /// when another node holds it longer than 30 s (the caller is retried).</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string isil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isil);
        var gate = _locks.GetOrAdd(isil, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        if (database.Provider == StorageProvider.Sqlite) return new Held(gate, null);
        var cluster = new ClusterLock(database, "holdings-sync-library:" + isil.ToUpperInvariant());
        try
        {
            var deadline = DateTime.UtcNow + ClusterWait;
            while (!await cluster.TryTakeAsync(cancellationToken))
            {
                if (DateTime.UtcNow > deadline)
                    throw new LibraryBusyException($"Another hub node has been working on the holdings of library {isil} for over {ClusterWait.TotalSeconds:F0} s; try again later.");
                await Task.Delay(250, cancellationToken);
            }
            return new Held(gate, cluster);
        }
        catch
        {
            await cluster.DisposeAsync();
            gate.Release();
            throw;
        }
    }

    private sealed class Held(SemaphoreSlim gate, ClusterLock? cluster) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            if (cluster is not null) await cluster.DisposeAsync();
            gate.Release();
        }
    }
}
