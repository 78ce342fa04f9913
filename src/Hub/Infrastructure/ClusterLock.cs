using Dapper;
using Lsb.Hub.Storage;
using Npgsql;

namespace Lsb.Hub.Infrastructure;

/// <summary>
/// A named lock that at most one hub node holds at a time, for work that must run once in the cluster (the DWH
/// publishers, the events-topic publisher, holdings-sync cuts; <see cref="LeadAsync"/> is the publishers' loop). On SQLite (one node) it is always held. On PostgreSQL it is a session-level advisory lock on a
/// connection of its own: it is gone the moment its node dies, and <see cref="StillHeldAsync"/> tells the holder when
/// it lost it.
/// </summary>
public sealed class ClusterLock(HubDatabase database, string name) : IAsyncDisposable
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);
    private NpgsqlConnection? _connection;

    /// <summary>The lock's name.</summary>
    public string Name => name;

    /// <summary>Takes the lock if it is free; true when this node holds it (now or already).</summary>
    public async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == StorageProvider.Sqlite) return true;
        if (await StillHeldAsync(cancellationToken)) return true;
        await DropAsync();
        var builder = new NpgsqlConnectionStringBuilder(database.StateConnectionString) { Pooling = false, KeepAlive = 10 };
        var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key = Key() }, cancellationToken: cancellationToken)))
        {
            _connection = connection;
            return true;
        }
        await connection.DisposeAsync();
        return false;
    }

    /// <summary>True while this node holds the lock (its connection answers).</summary>
    public async Task<bool> StillHeldAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == StorageProvider.Sqlite) return true;
        if (_connection is null) return false;
        try
        {
            await _connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return true;
        }
        catch (NpgsqlException)
        {
            await DropAsync();
            return false;
        }
    }

    /// <summary>
    /// The loop of a piece of work that runs on one node at a time: whenever this node holds the lock it runs
    /// <paramref name="lead"/> (which should return once <see cref="StillHeldAsync"/> says the lock is lost); otherwise it
    /// tries again every 5 s. A failure <paramref name="transient"/> accepts is logged as "<paramref name="work"/> failed"
    /// and retried after 5 s; any other failure ends the loop. Returns when <paramref name="stoppingToken"/> is cancelled.
    /// </summary>
    public async Task LeadAsync(Func<CancellationToken, Task> lead, Func<Exception, bool> transient, ILogger logger, string work,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(transient);
        ArgumentNullException.ThrowIfNull(logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TryTakeAsync(stoppingToken)) await lead(stoppingToken);
                else await Task.Delay(RetryPause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (transient(e))
            {
                logger.LogError(e, "{Work} failed; retrying in 5 s", work);
                await Task.Delay(RetryPause, stoppingToken);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await DropAsync();

    private async Task DropAsync()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    private long Key()
    {
        var hash = new ContentHash();
        hash.Add("lsb-cluster-lock");
        hash.Add(database.Options.Schema); // advisory locks are per database: hubs in other schemas must not block this one
        hash.Add(name);
        return hash.Value;
    }
}
