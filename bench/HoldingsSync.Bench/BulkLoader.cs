using System.Diagnostics;
using Dapper;
using Lsb.Hub.Holdings;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Records;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Marc;
using Lsb.Hub.Simulators.Catalogues.Ggc;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Bench;

/// <summary>
/// Set-up, not measured as synchronisation: writes the collection straight into the hub's tables (id map, holdings,
/// union index) as if it had been ingested and synchronised before, and loads GGC with the same records, so GGC and
/// the hub agree at the start. Batched transactions of 20,000 rows.
/// </summary>
public static class BulkLoader
{
    public const string Installation = "bench-ils";
    private const int Chunk = 20_000;
    public static readonly DateTimeOffset LoadedAt = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    private const string HoldingSql = """
        INSERT INTO holdings (id, isil, installation_id, barcode, isbn, ppn, oclc_number, local_record_id, title, author, material_type, location,
            shelfmark, status, raw_status, ibl_lendable, withdrawn, source_version, content_hash, updated_at)
        VALUES (@id, @isil, @inst, @barcode, @isbn, @ppn, @oclc, @local, @title, @author, @material, @location, @shelfmark, @status, @raw, @ibl,
            @withdrawn, @version, @hash, @at)
        """;

    public static async Task<TimeSpan> LoadAsync(HubDatabase database, BenchCopies copies, GgcSimulatorControl ggc)
    {
        var clock = Stopwatch.StartNew();
        var now = LoadedAt.ToString("O");
        var forGgc = new List<(string, byte[])>[copies.Libraries];
        for (var l = 0; l < copies.Libraries; l++) forGgc[l] = [];
        for (var start = 0; start < copies.Count; start += Chunk)
        {
            await using var connection = await database.OpenAsync();
            await using var transaction = await HubDatabase.BeginWriteAsync(connection);
            await using var idMap = new RowBatch(connection, transaction,
                "INSERT INTO id_map (installation_id, entity, local_id, canonical_id, created_at) VALUES (@i, 'holding', @l, @c, @t)", "i", "l", "c", "t");
            await using var holdings = new RowBatch(connection, transaction, HoldingSql, "id", "isil", "inst", "barcode", "isbn", "ppn", "oclc", "local", "title",
                "author", "material", "location", "shelfmark", "status", "raw", "ibl", "withdrawn", "version", "hash", "at");
            await using var index = new RowBatch(connection, transaction,
                "INSERT INTO holdings_index (holding_id, isil, isbn13, ppn, oclc_number, withdrawn, position) VALUES (@id, @isil, @isbn, @ppn, NULL, @no, 0)",
                "id", "isil", "isbn", "ppn", "no");
            await using var mirror = new RowBatch(connection, transaction,
                "INSERT INTO holdings_sync_copies (target, isil, holding_id, control_number, barcode, bib_reference, digest, updated_at) VALUES ('Ggc', @isil, @id, @id, @barcode, @bib, @digest, @at)",
                "isil", "id", "barcode", "bib", "digest", "at");
            for (var copy = start; copy < Math.Min(copies.Count, start + Chunk); copy++)
            {
                var row = Row(copies, copy, version: 1, now);
                await idMap.AddAsync([Installation, BenchCopies.LocalId(copy), row.Id, now], default);
                await holdings.AddAsync([row.Id, row.Isil, row.InstallationId, row.Barcode, row.Isbn, row.Ppn, row.OclcNumber, row.LocalRecordId, row.Title,
                    row.Author, row.MaterialType, row.Location, row.Shelfmark, row.Status, row.RawStatus, row.IblLendable, row.Withdrawn, row.SourceVersion,
                    row.ContentHash, row.UpdatedAt], default);
                await index.AddAsync([row.Id, row.Isil, Isbn.Normalise(row.Isbn), TitleKeys.Ppn(row.Ppn), false], default);
                if (BenchCopies.Unmatched(copy)) continue;
                var catalogue = CatalogueCopy.From(row);
                var record = GgcHoldingsRecord.Build(SyncAction.Add, catalogue, "NL-LSBHUB", LoadedAt);
                await mirror.AddAsync([row.Isil, row.Id, row.Barcode, catalogue.BibReference, RecordDigest.OfRecord(record), now], default);
                forGgc[copies.LibraryOf(copy)].Add((row.Id, Iso2709Writer.ToBytes(record)));
            }
            await idMap.FlushAsync(default);
            await holdings.FlushAsync(default);
            await index.FlushAsync(default);
            await mirror.FlushAsync(default);
            await transaction.CommitAsync();
        }
        for (var l = 0; l < copies.Libraries; l++)
        {
            ggc.Load(BenchCopies.Isil(l), forGgc[l]);
            forGgc[l] = [];
        }
        await using (var connection = await database.OpenAsync())
        {
            var head = await connection.ExecuteScalarAsync<long>("SELECT last_position FROM event_log_head WHERE id = 1");
            await connection.ExecuteAsync("UPDATE holdings_projection SET position = @head WHERE id = 1", new { head });
        }
        return clock.Elapsed;
    }

    public static HoldingRow Row(BenchCopies copies, int copy, int version, string at) => new HoldingRow
    {
        Id = BenchCopies.HoldingId(copy),
        Isil = BenchCopies.Isil(copies.LibraryOf(copy)),
        InstallationId = Installation,
        Barcode = BenchCopies.Barcode(copy),
        Isbn = BenchCopies.Isbn(copy),
        Ppn = BenchCopies.Ppn(copy),
        LocalRecordId = "T" + copy,
        Title = BenchCopies.Title(copy),
        Author = "Auteur, Een",
        MaterialType = "Book",
        Location = "Volwassenen romans",
        Shelfmark = BenchCopies.Shelfmark(copy, version == 1 ? 0 : version),
        Status = "Available",
        RawStatus = "BES",
        IblLendable = true,
        Withdrawn = false,
        SourceVersion = version,
        UpdatedAt = at,
    }.WithHash();
}
