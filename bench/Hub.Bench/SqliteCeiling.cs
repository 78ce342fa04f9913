using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Lsb.Hub.Bench;

/// <summary>The ceiling: the hub's own event-log rows, copied into a fresh SQLite file with a prepared insert,
/// 500 rows per transaction, WAL, synchronous=NORMAL — the least work that stores the same rows.</summary>
public static class SqliteCeiling
{
    public static async Task<Measurement> RunAsync(string hubDatabase, long expected)
    {
        var rows = new List<object?[]>((int)expected);
        await using (var source = new SqliteConnection($"Data Source={hubDatabase};Mode=ReadOnly"))
        {
            await source.OpenAsync();
            await using var read = source.CreateCommand();
            read.CommandText = "SELECT position, event_id, event_type, schema_version, subject_id, isil, source_system, source_event_id, occurred_at, recorded_at, correlation_id, payload FROM event_log ORDER BY position";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object?[12];
                reader.GetValues(values!);
                rows.Add(values);
            }
        }
        var target = Path.Combine(Path.GetTempPath(), "lsb-bench-ceiling-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        await using var connection = new SqliteConnection($"Data Source={target};Pooling=False");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE event_log (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, event_type TEXT NOT NULL, schema_version INTEGER NOT NULL,
                  subject_id TEXT NOT NULL, isil TEXT, source_system TEXT NOT NULL, source_event_id TEXT NOT NULL, occurred_at TEXT NOT NULL,
                  recorded_at TEXT NOT NULL, correlation_id TEXT, payload TEXT NOT NULL);
                """;
            await setup.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += 500)
        {
            await using var tx = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO event_log VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)";
            var parameters = Enumerable.Range(0, 12).Select(i => insert.Parameters.Add(new SqliteParameter("$" + i, null))).ToArray();
            for (var r = start; r < Math.Min(start + 500, rows.Count); r++)
            {
                for (var i = 0; i < 12; i++) parameters[i].Value = rows[r][i] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        var elapsed = clock.Elapsed;
        await connection.CloseAsync();
        File.Delete(target);
        File.Delete(target + "-wal");
        File.Delete(target + "-shm");
        return new Measurement(rows.Count, elapsed);
    }
}
