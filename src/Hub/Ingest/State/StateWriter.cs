using System.Data.Common;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest.State;

/// <summary>Writes a <see cref="WorkingSet"/> back: new id-map entries, then the changed rows. A row the hub already held is
/// updated in the columns whose values it changes, and only those (SQLite then leaves the indexes of the others alone: an
/// upsert that names every column deletes and re-inserts each index entry, unchanged or not); a new row, or one the update
/// does not find as expected, is upserted. See docs/performance.md.</summary>
public static class StateWriter
{
    /// <summary>Writes what changed. Id-map inserts are plain inserts: if another writer mapped the same local id
    /// concurrently, the transaction fails and is retried, rather than keeping two canonical ids for one entity.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, WorkingSet set, string createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        await InsertMappingsAsync(connection, transaction, set, createdAt, cancellationToken);
        await WriteRowsAsync(connection, transaction, "members", MemberRow.Columns, MemberRow.IndexedColumns, set.Members.Values, MemberValues, cancellationToken);
        await WriteRowsAsync(connection, transaction, "holdings", HoldingRow.Columns, HoldingRow.IndexedColumns, set.Holdings.Values, HoldingValues, cancellationToken);
        await WriteRowsAsync(connection, transaction, "loans", LoanRow.Columns, LoanRow.IndexedColumns, set.Loans.Values, LoanValues, cancellationToken);
    }

    /// <summary>Upserts one row (used by features that write a single member, holding or loan).</summary>
    public static Task UpsertMemberAsync(DbConnection connection, DbTransaction transaction, MemberRow row, CancellationToken cancellationToken)
        => UpsertAsync(connection, transaction, "members", MemberRow.Columns,
            [new Tracked<MemberRow> { CanonicalId = row.Id, Mapped = true, Row = row, Dirty = true }], MemberValues, cancellationToken);

    /// <summary>Upserts one loan row.</summary>
    public static Task UpsertLoanAsync(DbConnection connection, DbTransaction transaction, LoanRow row, CancellationToken cancellationToken)
        => UpsertAsync(connection, transaction, "loans", LoanRow.Columns,
            [new Tracked<LoanRow> { CanonicalId = row.Id, Mapped = true, Row = row, Dirty = true }], LoanValues, cancellationToken);

    private static async Task InsertMappingsAsync(DbConnection connection, DbTransaction transaction, WorkingSet set, string createdAt, CancellationToken cancellationToken)
    {
        await using var batch = new RowBatch(connection, transaction,
            "INSERT INTO id_map (installation_id, entity, local_id, canonical_id, created_at) VALUES (@i, @e, @l, @c, @t)", "i", "e", "l", "c", "t");
        await AddAsync(set.Members, WorkingSet.MemberEntity);
        await AddAsync(set.Holdings, WorkingSet.HoldingEntity);
        await AddAsync(set.Loans, WorkingSet.LoanEntity);
        await batch.FlushAsync(cancellationToken);

        async Task AddAsync<TRow>(Dictionary<string, Tracked<TRow>> map, string entity) where TRow : class
        {
            foreach (var (localId, tracked) in map)
            {
                if (tracked.Mapped) continue;
                await batch.AddAsync([set.InstallationId, entity, localId, tracked.CanonicalId, createdAt], cancellationToken);
                tracked.Mapped = true;
            }
        }
    }

    private static async Task UpsertAsync<TRow>(DbConnection connection, DbTransaction transaction, string table, string[] columns,
        IEnumerable<Tracked<TRow>> rows, Action<TRow, object?[]> values, CancellationToken cancellationToken) where TRow : class
        => await WriteRowsAsync(connection, transaction, table, columns, [], rows, values, cancellationToken);

    private static async Task WriteRowsAsync<TRow>(DbConnection connection, DbTransaction transaction, string table, string[] columns,
        string[] indexedColumns, IEnumerable<Tracked<TRow>> rows, Action<TRow, object?[]> values, CancellationToken cancellationToken) where TRow : class
    {
        // The indexed columns a row keeps are compared in the statement too, with what is stored: a row whose stored values
        // are not those the page read (features other than ingest change some rows in place: erasure scrubs a card number)
        // is left to the upsert.
        await using var writes = new UpdateElseUpsert(connection, transaction,
            indexedColumns.Length > 0 ? changed => UpdateElseUpsert.UpdateSql(table, columns, indexedColumns, changed) : null, UpsertSql(table, columns),
            [.. columns.Select(c => "p_" + c)]);
        // One array for every row: the batch binds (SQLite) or copies (PostgreSQL) the values before the next row is filled in.
        var row = new object?[columns.Length];
        var held = new object?[columns.Length];
        foreach (var tracked in rows)
        {
            if (!tracked.Dirty || tracked.Row is null) continue;
            values(tracked.Row, row);
            // Only a row the hub held can be updated, in the columns whose values differ; a new one goes straight to the upsert.
            var changed = 0;
            if (tracked.StoredRow is { } stored)
            {
                values(stored, held);
                changed = UpdateElseUpsert.Changed(held, row);
            }
            await writes.AddAsync(row, tryUpdate: tracked.Stored, changed, cancellationToken);
            tracked.Dirty = false;
        }
        await writes.FlushAsync(cancellationToken);
    }

    private static string UpsertSql(string table, string[] columns)
        => $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@p_" + c))}) " +
           $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))}";

    // The values of a row in column order, into the writer's one array (the arguments live on the stack).
    private static void Fill(object?[] row, params ReadOnlySpan<object?> values) => values.CopyTo(row);

    private static readonly object True = true, False = false;

    private static object Boxed(bool value) => value ? True : False;

    private static void MemberValues(MemberRow r, object?[] row) => Fill(row,
        r.Id, r.HomeIsil, r.InstallationId, r.CardNumber, r.NationalUserId, r.GivenName, r.FamilyName, r.BirthDate,
        r.Street, r.HouseNumber, r.Postcode, r.City, r.Email, r.Category, r.Status, r.ExpiresOn, r.RegisteredOn, Boxed(r.Removed),
        r.SourceVersion, r.ContentHash, r.UpdatedAt);

    private static void HoldingValues(HoldingRow r, object?[] row) => Fill(row,
        r.Id, r.Isil, r.InstallationId, r.Barcode, r.Isbn, r.Ppn, r.OclcNumber, r.LocalRecordId, r.Title, r.Author,
        r.MaterialType, r.Location, r.Shelfmark, r.Status, r.RawStatus, Boxed(r.IblLendable), Boxed(r.Withdrawn), r.SourceVersion,
        r.ContentHash, r.UpdatedAt);

    private static void LoanValues(LoanRow r, object?[] row) => Fill(row,
        r.Id, r.Kind, r.MemberId, r.HoldingId, r.Isil, r.InstallationId, r.EbookIsbn, r.Title, r.StartedAt, r.DueAt,
        r.EndedAt, r.Renewals, r.SourceVersion, r.ContentHash, r.UpdatedAt);
}
