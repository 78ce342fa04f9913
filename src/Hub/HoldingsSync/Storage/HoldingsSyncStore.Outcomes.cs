using System.Data.Common;
using Dapper;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Storage;

/// <summary>Recording what a target reported, and what it now holds, in one transaction.</summary>
public sealed partial class HoldingsSyncStore
{
    private const string MirrorUpsertSql = """
        INSERT INTO holdings_sync_copies (target, isil, holding_id, control_number, barcode, bib_reference, digest, updated_at)
        VALUES (@target, @isil, @id, @cn, @barcode, @bib, @digest, @at)
        ON CONFLICT (target, isil, holding_id) DO UPDATE SET control_number = excluded.control_number, barcode = excluded.barcode,
            bib_reference = excluded.bib_reference, digest = excluded.digest, updated_at = excluded.updated_at
        """;

    private const string UnmatchedUpsertSql = """
        INSERT INTO holdings_sync_unmatched (target, isil, holding_id, barcode, side, reason, since)
        VALUES (@target, @isil, @id, @barcode, @side, @reason, @at)
        ON CONFLICT (target, isil, holding_id) DO UPDATE SET barcode = excluded.barcode, side = excluded.side, reason = excluded.reason
        """;

    /// <summary>
    /// Records outcomes of records of <paramref name="batch"/>. Only records still pending change (a report read twice
    /// changes nothing). Accepted records update what the target holds; unmatched ones are listed as such.
    /// </summary>
    public async Task RecordOutcomesAsync(SyncBatch batch, IReadOnlyList<RecordOutcome> outcomes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0) return;
        var now = at.ToUniversalTime().ToString("O");
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var records = (await connection.QueryAsync<SyncRecord>(new CommandDefinition(
            "SELECT * FROM holdings_sync_records WHERE batch_id = @Id AND status = 'Pending'", new { batch.Id }, transaction,
            cancellationToken: cancellationToken))).ToDictionary(r => r.Sequence);
        await using var update = new RowBatch(connection, transaction,
            "UPDATE holdings_sync_records SET status = @status, reason = @reason, updated_at = @at WHERE batch_id = @batch AND sequence = @sequence AND status = 'Pending'",
            "status", "reason", "at", "batch", "sequence");
        await using var mirror = new RowBatch(connection, transaction, MirrorUpsertSql, "target", "isil", "id", "cn", "barcode", "bib", "digest", "at");
        await using var unmirror = new RowBatch(connection, transaction,
            "DELETE FROM holdings_sync_copies WHERE target = @target AND isil = @isil AND holding_id = @id", "target", "isil", "id");
        await using var unmatched = new RowBatch(connection, transaction, UnmatchedUpsertSql, "target", "isil", "id", "barcode", "side", "reason", "at");
        await using var matched = new RowBatch(connection, transaction,
            "DELETE FROM holdings_sync_unmatched WHERE target = @target AND isil = @isil AND holding_id = @id", "target", "isil", "id");
        var target = batch.Target.ToString();
        foreach (var outcome in outcomes)
        {
            if (!records.TryGetValue(outcome.Sequence, out var record)) continue;
            await update.AddAsync([outcome.Result.ToString(), outcome.Reason, now, batch.Id, outcome.Sequence], cancellationToken);
            switch (outcome.Result)
            {
                case RecordStatus.Accepted when record.Action == SyncAction.Delete:
                    await unmirror.AddAsync([target, record.Isil, record.HoldingId], cancellationToken);
                    await matched.AddAsync([target, record.Isil, record.HoldingId], cancellationToken);
                    break;
                case RecordStatus.Accepted:
                    await mirror.AddAsync([target, record.Isil, record.HoldingId, record.ControlNumber, record.Barcode, record.BibReference, record.Digest, now], cancellationToken);
                    await matched.AddAsync([target, record.Isil, record.HoldingId], cancellationToken);
                    break;
                case RecordStatus.Unmatched:
                    await unmatched.AddAsync([target, record.Isil, record.HoldingId, record.Barcode, "Target", outcome.Reason ?? "unmatched", now], cancellationToken);
                    break;
            }
        }
        await update.FlushAsync(cancellationToken);
        await mirror.FlushAsync(cancellationToken);
        await unmirror.FlushAsync(cancellationToken);
        await unmatched.FlushAsync(cancellationToken);
        await matched.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Upserts what a target holds (reconciliation writes the target's own listing).</summary>
    public static RowBatch MirrorBatch(DbConnection connection, DbTransaction transaction)
        => new(connection, transaction, MirrorUpsertSql, "target", "isil", "id", "cn", "barcode", "bib", "digest", "at");

    /// <summary>Upserts an unmatched copy (the cutter writes hub-side ones).</summary>
    public static RowBatch UnmatchedBatch(DbConnection connection, DbTransaction transaction)
        => new(connection, transaction, UnmatchedUpsertSql, "target", "isil", "id", "barcode", "side", "reason", "at");
}
