using System.Data.Common;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lsb.Hub.Privacy.Erasure;

/// <summary>
/// Scrubs a person out of every stored message: Wolverine's inbox, outbox and dead letters (the failed-message
/// store) in the message store, and any table of the hub's own database that keeps message bodies. A table is found by
/// its <c>body</c> (or <c>snapshot</c>) column, so a feature that adds one is covered without changes here. Bodies are searched for the
/// person's card numbers, national user ids and e-mail addresses; each hit is cut out or removed by
/// <see cref="MessageBodyScrub"/>, and the failure texts of dead letters lose the identifiers too.
/// </summary>
public sealed class StoredMessageScrubber(HubDatabase database)
{
    private static readonly string[] FailureTextColumns = ["exception_message", "exception_text", "explanation"];
    private static readonly string[] BodyColumns = ["body", "snapshot"];

    /// <summary>Scrubs the message store and the hub database; returns (bodies rewritten, messages removed).</summary>
    public async Task<(int Rewritten, int Removed)> ScrubAsync(PersonIdentifiers person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Searchable.Count == 0) return (0, 0);
        var total = (Rewritten: 0, Removed: 0);
        await using (var messages = await OpenMessageStoreAsync(cancellationToken))
        {
            var schema = database.Dialect.IsPostgres ? database.Options.BusSchema : null;
            foreach (var result in await ScrubDatabaseAsync(messages, schema, person, cancellationToken))
                total = (total.Rewritten + result.Rewritten, total.Removed + result.Removed);
        }
        await using (var state = await database.OpenAsync(cancellationToken))
        {
            var schema = database.Dialect.IsPostgres ? database.Options.Schema : null;
            foreach (var result in await ScrubDatabaseAsync(state, schema, person, cancellationToken))
                total = (total.Rewritten + result.Rewritten, total.Removed + result.Removed);
        }
        return total;
    }

    private async Task<DbConnection> OpenMessageStoreAsync(CancellationToken cancellationToken)
    {
        // Erasure is rare: an unpooled connection leaves no idle pool behind.
        DbConnection connection = database.Dialect.IsPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.MessageStoreConnectionString) { Pooling = false }.ToString())
            : new SqliteConnection(database.MessageStoreConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<List<(int Rewritten, int Removed)>> ScrubDatabaseAsync(DbConnection connection, string? schema, PersonIdentifiers person,
        CancellationToken cancellationToken)
    {
        var results = new List<(int, int)>();
        if (connection is SqliteConnection)
            await Execute(connection, null, "PRAGMA secure_delete = ON", cancellationToken);
        try
        {
            foreach (var table in await BodyTablesAsync(connection, schema, cancellationToken))
                results.Add(await ScrubTableAsync(connection, table, person, cancellationToken));
        }
        finally
        {
            if (connection is SqliteConnection)
            {
                await Execute(connection, null, "PRAGMA secure_delete = OFF", cancellationToken);
                // Old page images of what was just overwritten live on in the write-ahead log until a checkpoint.
                await Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            }
        }
        return results;
    }

    // Each hit is cut (the rest of the message stays) or removed: the row deleted, or only the body emptied where the
    // column allows it, so another feature's record of the message (a replay, a resolution) survives without it.
    private static async Task<(int Rewritten, int Removed)> ScrubTableAsync(DbConnection connection, BodyTable table, PersonIdentifiers person,
        CancellationToken cancellationToken)
    {
        var postgres = connection is NpgsqlConnection;
        // Any table, whatever its key: SQLite's rowid, PostgreSQL's ctid (as text; stable within the transaction).
        var rowId = postgres ? "ctid::text" : "rowid";
        var byRow = postgres ? "ctid = @id::tid" : "rowid = @id";
        var needles = person.Searchable;
        var contains = string.Join(" OR ", needles.Select((_, i) => postgres
            ? (table.BodyIsBinary ? $"position(@n{i}::bytea in {table.Column}) > 0" : $"position(@n{i} in {table.Column}) > 0")
            : $"instr({table.Column}, @n{i}) > 0"));
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var hits = new List<(object RowId, byte[] Body)>();
        await using (var select = SqlCommands.Create(connection, transaction, $"SELECT {rowId}, {table.Column} FROM {table.Name} WHERE {contains}",
            [.. needles.Select((n, i) => ($"n{i}", (object?)(table.BodyIsBinary || !postgres ? System.Text.Encoding.UTF8.GetBytes(n) : n)))]))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var body = reader.GetValue(1) switch
                {
                    byte[] bytes => bytes,
                    string text => System.Text.Encoding.UTF8.GetBytes(text),
                    _ => [],
                };
                hits.Add((reader.GetValue(0), body));
            }
        }
        int rewritten = 0, removed = 0;
        foreach (var (id, body) in hits)
        {
            var result = MessageBodyScrub.Scrub(body, person);
            if (result.Action == ScrubAction.Unchanged) continue;
            object? newBody = result.Body is null ? null : table.BodyIsBinary ? result.Body : System.Text.Encoding.UTF8.GetString(result.Body);
            await using var change = result.Action == ScrubAction.Remove && !table.Nullable
                ? SqlCommands.Create(connection, transaction, $"DELETE FROM {table.Name} WHERE {byRow}", ("id", id))
                : SqlCommands.Create(connection, transaction, $"UPDATE {table.Name} SET {table.Column} = @body WHERE {byRow}", ("id", id), ("body", newBody));
            await change.ExecuteNonQueryAsync(cancellationToken);
            if (result.Action == ScrubAction.Remove) removed++;
            else rewritten++;
        }
        foreach (var column in table.TextColumns)
        {
            foreach (var (needle, i) in needles.Select((n, i) => (n, i)))
            {
                await using var replace = SqlCommands.Create(connection, transaction,
                    $"UPDATE {table.Name} SET {column} = REPLACE({column}, @n, '[erased]') WHERE {column} IS NOT NULL AND " +
                    (postgres ? $"position(@n in {column}) > 0" : $"instr({column}, @n) > 0"), ("n", needle));
                await replace.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return (rewritten, removed);
    }

    private static async Task<List<BodyTable>> BodyTablesAsync(DbConnection connection, string? schema, CancellationToken cancellationToken)
    {
        var columns = new List<(string Table, string Column, string Type, bool Nullable)>();
        await using (var command = connection is NpgsqlConnection
            ? SqlCommands.Create(connection, null,
                "SELECT table_name, column_name, data_type, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = @schema", ("schema", schema))
            : SqlCommands.Create(connection, null,
                "SELECT m.name, p.name, p.type, p.\"notnull\" = 0 FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), SqlCommands.Bool(reader, 3)));
        }
        return [.. columns.GroupBy(c => c.Table, StringComparer.Ordinal)
            .SelectMany(t => t.Where(c => BodyColumns.Contains(c.Column, StringComparer.Ordinal)).Select(body => new BodyTable(
                schema is null ? t.Key : $"{schema}.{t.Key}",
                body.Column,
                body.Type.ToUpperInvariant() is "BLOB" or "BYTEA",
                body.Nullable,
                [.. t.Select(c => c.Column).Where(c => FailureTextColumns.Contains(c, StringComparer.Ordinal))])))];
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A table that keeps message bodies: its body column (body, or a snapshot that embeds one), whether the column may
    // be emptied instead of the row deleted (another feature's record of the message stays, without the message).
    private sealed record BodyTable(string Name, string Column, bool BodyIsBinary, bool Nullable, IReadOnlyList<string> TextColumns);
}
