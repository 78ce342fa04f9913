using Dapper;
using Lsb.Hub.Bus;
using Lsb.Hub.Storage;
using Npgsql;

namespace Lsb.Hub.Ingest;

/// <summary>
/// Leases on PostgreSQL: one session-level advisory lock per installation, held on a connection this node keeps
/// open for the purpose. A node that dies loses its connection and with it its locks at once, so a survivor takes
/// over at its next refresh. Each live node (reported in <c>hub_nodes</c>) takes at most its fair share
/// (⌈installations ÷ live nodes⌉), so pollers spread over the nodes and move back when a node joins.
/// If the lock connection breaks, the node drops every lease before taking any again.
/// </summary>
public sealed class PostgresLeases(HubDatabase database, BusOptions bus, TimeProvider time, ILogger<PostgresLeases> logger) : IInstallationLeases, IAsyncDisposable
{
    private readonly string _nodeId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _startedAt = time.GetUtcNow().ToString("O");
    private NpgsqlConnection? _locks;

    /// <summary>This node's id in <c>hub_nodes</c>.</summary>
    public string NodeId => _nodeId;

    /// <inheritdoc />
    public async Task<LeasePlan> RefreshAsync(IReadOnlyCollection<string> installationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installationIds);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = await LockConnectionAsync(cancellationToken);
            var now = time.GetUtcNow();
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO hub_nodes (node_id, started_at, last_seen, polling) VALUES (@node, @started, @now, @polling) " +
                "ON CONFLICT (node_id) DO UPDATE SET last_seen = excluded.last_seen, polling = excluded.polling",
                new { node = _nodeId, started = _startedAt, now = now.ToString("O"), polling = _held.Count }, cancellationToken: cancellationToken));
            var liveSince = (now - bus.StaleNodeTimeout).ToString("O");
            var liveNodes = Math.Max(1, await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM hub_nodes WHERE last_seen >= @liveSince", new { liveSince }, cancellationToken: cancellationToken)));
            var fairShare = (int)Math.Ceiling(installationIds.Count / (double)liveNodes);

            var wanted = installationIds.ToHashSet(StringComparer.Ordinal);
            var toRelease = _held.Where(id => !wanted.Contains(id)).ToList();
            var keeping = _held.Count - toRelease.Count;
            foreach (var id in _held.Where(wanted.Contains).Order(StringComparer.Ordinal).Skip(fairShare))
            {
                toRelease.Add(id);
                keeping--;
            }
            // Try the others in an order of this node's own, so nodes do not all race for the same installation.
            foreach (var id in wanted.Where(id => !_held.Contains(id)).OrderBy(id => HashCode.Combine(id, _nodeId)))
            {
                if (keeping >= fairShare) break;
                if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                        "SELECT pg_try_advisory_lock(@key)", new { key = Key(id) }, cancellationToken: cancellationToken)))
                {
                    _held.Add(id);
                    keeping++;
                }
            }
            return new LeasePlan(_held.Where(id => !toRelease.Contains(id)).ToHashSet(StringComparer.Ordinal), toRelease);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "The poller-lease connection failed; this node stops polling until it can take leases again");
            _held.Clear();
            await DropConnectionAsync();
            return new LeasePlan(new HashSet<string>(StringComparer.Ordinal), []);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string installationId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_held.Remove(installationId) || _locks is null) return;
            await _locks.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = Key(installationId) }, cancellationToken: cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_locks is not null)
        {
            try
            {
                await _locks.ExecuteAsync("DELETE FROM hub_nodes WHERE node_id = @node", new { node = _nodeId });
            }
            catch (NpgsqlException e)
            {
                logger.LogDebug(e, "Could not remove node {NodeId} from hub_nodes at shutdown; it ages out", _nodeId);
            }
        }
        await DropConnectionAsync();
        _gate.Dispose();
    }

    private async Task<NpgsqlConnection> LockConnectionAsync(CancellationToken cancellationToken)
    {
        if (_locks is { State: System.Data.ConnectionState.Open })
        {
            await _locks.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return _locks;
        }
        if (_held.Count > 0)
        {
            logger.LogWarning("The poller-lease connection was lost; dropping {Count} leases", _held.Count);
            _held.Clear();
        }
        await DropConnectionAsync();
        var builder = new NpgsqlConnectionStringBuilder(database.StateConnectionString) { Pooling = false, KeepAlive = 10 };
        _locks = new NpgsqlConnection(builder.ToString());
        await _locks.OpenAsync(cancellationToken);
        return _locks;
    }

    private async Task DropConnectionAsync()
    {
        if (_locks is null) return;
        await _locks.DisposeAsync();
        _locks = null;
    }

    private long Key(string installationId) => LockKey(database.Options.Schema, installationId);

    /// <summary>The advisory-lock key of an installation's poller lease in the hub whose state is in <paramref name="schema"/>.</summary>
    internal static long LockKey(string schema, string installationId)
    {
        // Advisory locks are per database, not per schema: the schema is part of the key, so hubs that keep their
        // state in different schemas of one database (separate deployments, parallel test hubs) never block each other.
        var hash = new ContentHash();
        hash.Add("lsb-ingest-poller");
        hash.Add(schema);
        hash.Add(installationId);
        return hash.Value;
    }
}
