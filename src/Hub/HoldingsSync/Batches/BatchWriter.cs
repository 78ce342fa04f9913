using System.Data.Common;
using Dapper;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.HoldingsSync.Targets;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>Writes what <see cref="BatchCutter"/> decided, inside its transaction.</summary>
public static class BatchWriter
{
    /// <summary>Inserts the batch and its records (parts numbered by <paramref name="partSize"/>; unmatched records get part 0).</summary>
    public static async Task WriteBatchAsync(DbConnection connection, DbTransaction transaction, SyncBatch batch, List<SyncDecision> records,
        int partSize, string now, CancellationToken cancellationToken)
    {
        await using var insert = new RowBatch(connection, transaction,
            "INSERT INTO holdings_sync_records (batch_id, sequence, part, holding_id, isil, target, action, status, reason, barcode, control_number, " +
            "bib_reference, digest, payload, escalation, updated_at) VALUES (@batch, @sequence, @part, @holding, @isil, @target, @action, @status, @reason, " +
            "@barcode, @cn, @bib, @digest, @payload, 'None', @at)",
            "batch", "sequence", "part", "holding", "isil", "target", "action", "status", "reason", "barcode", "cn", "bib", "digest", "payload", "at");
        var sequence = 0;
        var sent = 0;
        foreach (var d in records)
        {
            sequence++;
            var prepared = d.Prepared!;
            var part = d.Unmatched ? 0 : 1 + (sent++ / Math.Max(1, partSize));
            await insert.AddAsync(
            [
                batch.Id, sequence, part, d.HoldingId, batch.Isil, batch.Target.ToString(), (d.Action ?? SyncAction.Add).ToString(),
                (d.Unmatched ? RecordStatus.Unmatched : RecordStatus.Pending).ToString(), prepared.UnmatchedReason, d.Barcode, prepared.ControlNumber,
                prepared.BibReference, prepared.Digest, prepared.Payload, now,
            ], cancellationToken);
        }
        await insert.FlushAsync(cancellationToken);
        batch.Parts = sent == 0 ? 0 : 1 + ((sent - 1) / Math.Max(1, partSize));
        batch.Unmatched = records.Count(r => r.Unmatched);
        batch.Status = sent == 0 ? BatchStatus.Delivered : BatchStatus.Open;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO holdings_sync_batches (id, isil, target, kind, business_day, sequence, label, status, records, parts, accepted, rejected, unmatched, " +
            "attempts, created_at, delivered_at) VALUES (@Id, @Isil, @target, @kind, @BusinessDay, @Sequence, @Label, @status, @Records, @Parts, 0, 0, @Unmatched, 0, " +
            "@CreatedAt, @delivered)",
            new
            {
                batch.Id, batch.Isil, target = batch.Target.ToString(), kind = batch.Kind.ToString(), batch.BusinessDay, batch.Sequence, batch.Label,
                status = batch.Status.ToString(), batch.Records, batch.Parts, batch.Unmatched, batch.CreatedAt,
                delivered = batch.Status == BatchStatus.Delivered ? now : null,
            }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Lists the copies the hub found unmatched, and clears those that are matched (or gone) now.</summary>
    public static async Task WriteUnmatchedAsync(DbConnection connection, DbTransaction transaction, LibraryTarget library,
        List<SyncDecision> decisions, string now, CancellationToken cancellationToken)
    {
        await using var upsert = HoldingsSyncStore.UnmatchedBatch(connection, transaction);
        await using var clear = new RowBatch(connection, transaction,
            "DELETE FROM holdings_sync_unmatched WHERE target = @target AND isil = @isil AND holding_id = @id AND (side = 'Hub' OR @gone)",
            "target", "isil", "id", "gone");
        var target = library.Kind.ToString();
        foreach (var d in decisions)
        {
            if (d.Unmatched)
                await upsert.AddAsync([target, library.Isil, d.HoldingId, d.Barcode, "Hub", d.Prepared!.UnmatchedReason, now], cancellationToken);
            else
                await clear.AddAsync([target, library.Isil, d.HoldingId, d.Action is not (SyncAction.Add or SyncAction.Change)], cancellationToken);
        }
        await upsert.FlushAsync(cancellationToken);
        await clear.FlushAsync(cancellationToken);
    }
}
