using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lsb.Hub.Bench;

/// <summary>
/// The ceiling: the hub's own event-log rows, copied into a fresh SQLite file, 500 rows per transaction, WAL,
/// synchronous=NORMAL — the least work that stores the same rows. Measured two ways: a prepared ADO.NET insert
/// (the conventional "raw batched insert") and a native SQLitePCL statement (what the hub's writer uses).
/// </summary>
public static class SqliteCeiling
{
    private const int Columns = 10;

    public static async Task<(Measurement Ado, Measurement Native)> RunAsync(string hubDatabase)
    {
        var rows = new List<object?[]>();
        await using (var source = new SqliteConnection($"Data Source={hubDatabase};Mode=ReadOnly"))
        {
            await source.OpenAsync();
            await using var read = source.CreateCommand();
            read.CommandText = "SELECT position, event_id, event_type, schema_version, subject_id, isil, source_event_id, occurred_at, batch_id, payload FROM event_log ORDER BY position";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object?[Columns];
                reader.GetValues(values!);
                rows.Add(values);
            }
        }
        var ado = await TimeAsync(rows, InsertWithAdo);
        var native = await TimeAsync(rows, InsertNative);
        return (ado, native);
    }

    private static async Task<Measurement> TimeAsync(List<object?[]> rows, Action<SqliteConnection, List<object?[]>, int> insertBatch)
    {
        var target = Path.Combine(Path.GetTempPath(), "lsb-bench-ceiling-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        await using var connection = new SqliteConnection($"Data Source={target};Pooling=False");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE event_log (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, event_type TEXT NOT NULL, schema_version INTEGER NOT NULL,
                  subject_id TEXT NOT NULL, isil TEXT, source_event_id TEXT NOT NULL, occurred_at TEXT NOT NULL, batch_id BIGINT NOT NULL, payload TEXT NOT NULL);
                """;
            await setup.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += 500)
        {
            using var tx = connection.BeginTransaction();
            insertBatch(connection, rows, start);
            tx.Commit();
        }
        var elapsed = clock.Elapsed;
        await connection.CloseAsync();
        foreach (var file in new[] { target, target + "-wal", target + "-shm" }) File.Delete(file);
        return new Measurement(rows.Count, elapsed);
    }

    private static void InsertWithAdo(SqliteConnection connection, List<object?[]> rows, int start)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO event_log VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8,$9)";
        var parameters = Enumerable.Range(0, Columns).Select(i => insert.Parameters.Add(new SqliteParameter("$" + i, null))).ToArray();
        for (var r = start; r < Math.Min(start + 500, rows.Count); r++)
        {
            for (var i = 0; i < Columns; i++) parameters[i].Value = rows[r][i] ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    private static void InsertNative(SqliteConnection connection, List<object?[]> rows, int start)
    {
        var db = connection.Handle!;
        raw.sqlite3_prepare_v2(db, "INSERT INTO event_log VALUES (?,?,?,?,?,?,?,?,?,?)", out var statement);
        using (statement)
        {
            for (var r = start; r < Math.Min(start + 500, rows.Count); r++)
            {
                for (var i = 0; i < Columns; i++)
                {
                    _ = rows[r][i] switch
                    {
                        null or DBNull => raw.sqlite3_bind_null(statement, i + 1),
                        long l => raw.sqlite3_bind_int64(statement, i + 1, l),
                        var v => raw.sqlite3_bind_text(statement, i + 1, (string)v),
                    };
                }
                if (raw.sqlite3_step(statement) != raw.SQLITE_DONE) throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
                raw.sqlite3_reset(statement);
            }
        }
    }
}
