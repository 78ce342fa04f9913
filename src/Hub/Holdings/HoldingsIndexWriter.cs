using System.Data.Common;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Holdings;

/// <summary>Upserts the index rows of copies from their current state (normalised ISBN-13, PPN, OCLC number).</summary>
public static class HoldingsIndexWriter
{
    private const string UpsertSql = """
        INSERT INTO holdings_index (holding_id, isil, isbn13, ppn, oclc_number, withdrawn, position)
        VALUES (@id, @isil, @isbn, @ppn, @oclc, @withdrawn, @position)
        ON CONFLICT (holding_id) DO UPDATE SET isil = excluded.isil, isbn13 = excluded.isbn13, ppn = excluded.ppn,
            oclc_number = excluded.oclc_number, withdrawn = excluded.withdrawn, position = excluded.position
        """;

    // A copy whose title identifiers are as indexed (most changes: status, location, shelfmark) only needs its other
    // columns set, which leaves the three identifier indexes alone; the upsert, which names every column, deletes and
    // re-inserts their entries (UpdateElseUpsert).
    private const string SameIdentifiersSql = """
        UPDATE holdings_index SET isil = @isil, withdrawn = @withdrawn, position = @position
        WHERE holding_id = @id AND isbn13 IS @isbn AND ppn IS @ppn AND oclc_number IS @oclc
        """;

    /// <summary>Writes one index row per holdings row; <paramref name="positions"/> gives the event position per copy.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HoldingRow> rows,
        IReadOnlyDictionary<string, long> positions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(positions);
        await using var writes = new UpdateElseUpsert(connection, transaction, SameIdentifiersSql, UpsertSql,
            ["id", "isil", "isbn", "ppn", "oclc", "withdrawn", "position"]);
        foreach (var row in rows)
        {
            await writes.AddAsync(
            [
                row.Id, row.Isil, Isbn.Normalise(row.Isbn), TitleKeys.Ppn(row.Ppn), TitleKeys.Oclc(row.OclcNumber), row.Withdrawn,
                positions.TryGetValue(row.Id, out var position) ? position : 0L,
            ], tryUpdate: true, cancellationToken);
        }
        await writes.FlushAsync(cancellationToken);
    }
}
