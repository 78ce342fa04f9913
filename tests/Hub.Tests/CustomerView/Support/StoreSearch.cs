using System.Data.Common;
using System.Text;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lsb.Hub.Tests.CustomerView.Support;

/// <summary>
/// Searches every row of every table of the hub's state database AND of the message store (Wolverine's inbox,
/// outbox and dead letters) for strings: text columns as text, binary columns decoded as UTF-8 (the envelope bodies).
/// </summary>
public static class StoreSearch
{
    /// <summary>Where each needle was found: "store.table.column: needle".</summary>
    public static async Task<List<string>> FindAsync(HubDatabase database, params string[] needles)
    {
        var hits = new List<string>();
        if (database.Provider == StorageProvider.Sqlite)
        {
            await using var state = new SqliteConnection(database.StateConnectionString);
            await using var messages = new SqliteConnection(database.MessageStoreConnectionString);
            hits.AddRange(await SearchAsync(state, "hub", null, needles));
            hits.AddRange(await SearchAsync(messages, "messages", null, needles));
        }
        else
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestBackends.PostgresConnectionString) { Pooling = false }.ToString());
            hits.AddRange(await SearchAsync(connection, "hub", database.Options.Schema, needles));
            hits.AddRange(await SearchAsync(connection, "messages", database.Options.BusSchema, needles));
        }
        return hits;
    }

    /// <summary>How many tables a search covers (so a test can tell it searched something).</summary>
    public static async Task<int> CountTablesAsync(HubDatabase database)
    {
        if (database.Provider == StorageProvider.Sqlite)
        {
            await using var state = new SqliteConnection(database.StateConnectionString);
            await using var messages = new SqliteConnection(database.MessageStoreConnectionString);
            return (await TablesAsync(state, null)).Count + (await TablesAsync(messages, null)).Count;
        }
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestBackends.PostgresConnectionString) { Pooling = false }.ToString());
        return (await TablesAsync(connection, database.Options.Schema)).Count + (await TablesAsync(connection, database.Options.BusSchema)).Count;
    }

    private static async Task<List<string>> SearchAsync(DbConnection connection, string store, string? schema, string[] needles)
    {
        var hits = new List<string>();
        foreach (var table in await TablesAsync(connection, schema))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {(schema is null ? "" : schema + ".")}{table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i)) continue;
                    var text = reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    };
                    foreach (var needle in needles)
                        if (text.Contains(needle, StringComparison.OrdinalIgnoreCase)) hits.Add($"{store}.{table}.{reader.GetName(i)}: {needle}");
                }
            }
        }
        return hits;
    }

    private static async Task<List<string>> TablesAsync(DbConnection connection, string? schema)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        if (schema is null)
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        }
        else
        {
            command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema AND table_type = 'BASE TABLE' ORDER BY table_name";
            var p = command.CreateParameter();
            p.ParameterName = "schema";
            p.Value = schema;
            command.Parameters.Add(p);
        }
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
