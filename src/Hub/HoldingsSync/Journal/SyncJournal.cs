using System.Data.Common;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Journal;

/// <summary>
/// Notes which (library, copy) pairs may need a catalogue record in the next batch: the copy's current library, and
/// every library a catalogue still holds the copy under (a copy that moved to another branch must be deleted there).
/// One row per pair, whatever the number of changes: the batch cutter compares the copy's state with what the target
/// holds, so intermediate states are never sent.
/// </summary>
public static class SyncJournal
{
    private const string UpsertSql = """
        INSERT INTO holdings_sync_journal (isil, holding_id, position, forced) VALUES (@isil, @id, @position, @forced)
        ON CONFLICT (isil, holding_id) DO UPDATE SET position = excluded.position,
            forced = CASE WHEN excluded.forced = @yes THEN excluded.forced ELSE holdings_sync_journal.forced END
        """;

    /// <summary>Records the copies of <paramref name="rows"/> (at their event positions) in the journal.</summary>
    public static async Task RecordAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyList<HoldingRow> rows, IReadOnlyDictionary<string, long> positions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(positions);
        var pairs = rows.Select(r => (r.Isil, r.Id)).ToHashSet();
        var held = await IdList.QueryAsync<HeldAt>(connection, transaction, dialect,
            "SELECT DISTINCT isil, holding_id FROM holdings_sync_copies WHERE {ids}", "holding_id", [.. rows.Select(r => r.Id)], cancellationToken);
        foreach (var h in held) pairs.Add((h.Isil, h.HoldingId));
        await WriteAsync(connection, transaction, pairs.Select(p => (p.Item1, p.Item2, positions.GetValueOrDefault(p.Item2))), forced: false, cancellationToken);
    }

    /// <summary>Upserts journal rows; <paramref name="forced"/> marks them to be sent even when unchanged.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction,
        IEnumerable<(string Isil, string HoldingId, long Position)> entries, bool forced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var batch = new RowBatch(connection, transaction, UpsertSql, "isil", "id", "position", "forced", "yes");
        foreach (var (isil, id, position) in entries)
            await batch.AddAsync([isil, id, position, forced, true], cancellationToken);
        await batch.FlushAsync(cancellationToken);
    }

    private sealed class HeldAt
    {
        public string Isil { get; set; } = "";
        public string HoldingId { get; set; } = "";
    }
}
