using System.Data.Common;
using System.Text.Json;
using Lsb.Hub.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// Reads Wolverine's inbox (<c>wolverine_incoming_envelopes</c>) to tell whether a replayed message is still on its
/// way (queued, being handled or scheduled for a retry) or done. Wolverine moves a replayed message from its
/// dead-letter table into the inbox under the same id; a message no longer in the dead-letter table and not
/// waiting in the inbox has been handled. Read-only: the hub never writes Wolverine's tables.
/// </summary>
public sealed class WolverineInbox(HubDatabase database)
{
    private const string Table = "wolverine_incoming_envelopes";

    /// <summary>The ids among <paramref name="ids"/> that are still waiting in the inbox (not yet handled).</summary>
    public async Task<IReadOnlySet<Guid>> StillWaitingAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var waiting = new HashSet<Guid>();
        if (ids.Count == 0) return waiting;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        if (database.Provider == StorageProvider.Postgres)
        {
            command.CommandText = $"SELECT id FROM {database.Options.BusSchema}.{Table} WHERE id = ANY(@ids) AND status <> 'Handled'";
            command.Parameters.Add(new NpgsqlParameter("ids", ids.ToArray()));
        }
        else
        {
            // Wolverine's SQLite store keeps ids as upper-case text; compare case-insensitively in case that changes.
            command.CommandText = $"SELECT id FROM {Table} WHERE upper(id) IN (SELECT value FROM json_each(@ids)) AND status <> 'Handled'";
            command.Parameters.Add(new SqliteParameter("ids", JsonSerializer.Serialize(ids.Select(i => i.ToString("D").ToUpperInvariant()))));
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var value = reader.GetValue(0);
            if (value is Guid g) waiting.Add(g);
            else if (Guid.TryParse(value.ToString(), out var parsed)) waiting.Add(parsed);
        }
        return waiting;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = database.Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(database.MessageStoreConnectionString)
            : new SqliteConnection(database.MessageStoreConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
