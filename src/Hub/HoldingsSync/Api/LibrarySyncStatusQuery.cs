using System.Globalization;
using System.Text.Json;
using Dapper;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Reconciliation;
using Lsb.Hub.HoldingsSync.Targets;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Api;

/// <summary>Reads a library's synchronisation status and its batches.</summary>
public sealed class LibrarySyncStatusQuery(HubDatabase database, HoldingsSyncTargets targets)
{
    private const int Listed = 100;

    /// <summary>The status of <paramref name="isil"/>.</summary>
    public async Task<LibrarySyncStatus> StatusAsync(string isil, CancellationToken cancellationToken)
    {
        var library = targets.Resolve(isil);
        var target = library.Kind.ToString();
        await using var connection = await database.OpenAsync(cancellationToken);
        async Task<int> Count(string sql, object args)
            => (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        var hubCopies = await Count("SELECT COUNT(*) FROM holdings WHERE isil = @isil AND withdrawn = @no", new { isil, no = false });
        var targetCopies = await Count("SELECT COUNT(*) FROM holdings_sync_copies WHERE target = @target AND isil = @isil", new { target, isil });
        var pending = await Count("SELECT COUNT(*) FROM holdings_sync_journal WHERE isil = @isil", new { isil });
        var batches = (await connection.QueryAsync<SyncBatch>(new CommandDefinition(
            "SELECT * FROM holdings_sync_batches WHERE isil = @isil AND (status <> 'Delivered' OR id = (SELECT MAX(id) FROM holdings_sync_batches WHERE isil = @isil)) ORDER BY created_at, id",
            new { isil }, cancellationToken: cancellationToken))).ToList();
        var last = batches.Count == 0 ? null : batches.MaxBy(b => b.Id, StringComparer.Ordinal);
        var rejectedCount = await Count(
            "SELECT COUNT(*) FROM holdings_sync_records r JOIN holdings_sync_batches b ON b.id = r.batch_id WHERE r.isil = @isil AND r.status = 'Rejected' AND b.kind <> 'Replay'",
            new { isil });
        var rejected = await connection.QueryAsync<SyncRecord>(new CommandDefinition(
            "SELECT r.* FROM holdings_sync_records r JOIN holdings_sync_batches b ON b.id = r.batch_id WHERE r.isil = @isil AND r.status = 'Rejected' " +
            $"AND b.kind <> 'Replay' ORDER BY r.updated_at DESC LIMIT {Listed}", new { isil }, cancellationToken: cancellationToken));
        var unmatchedCount = await Count("SELECT COUNT(*) FROM holdings_sync_unmatched WHERE target = @target AND isil = @isil", new { target, isil });
        var unmatched = await connection.QueryAsync<UnmatchedRow>(new CommandDefinition(
            $"SELECT holding_id, barcode, side, reason, since FROM holdings_sync_unmatched WHERE target = @target AND isil = @isil ORDER BY since DESC, holding_id LIMIT {Listed}",
            new { target, isil }, cancellationToken: cancellationToken));
        var reconciliation = await connection.QueryFirstOrDefaultAsync<ReconciliationRow>(new CommandDefinition(
            "SELECT * FROM holdings_sync_reconciliations WHERE isil = @isil ORDER BY started_at DESC, id DESC LIMIT 1", new { isil }, cancellationToken: cancellationToken));
        return new LibrarySyncStatus(isil, library.Kind, library.Usable, library.Problem, library.Iln, library.Symbol, hubCopies, targetCopies, pending,
            last is null ? null : View(last), [.. batches.Where(b => b.Status != BatchStatus.Delivered).Select(View)],
            new CopyList<RejectedCopy>(rejectedCount, [.. rejected.Select(r => new RejectedCopy(r.HoldingId, r.Barcode, r.Action.ToString(), r.Reason, r.BatchId,
                r.Sequence, r.Escalation == Escalation.DeadLettered, Time(r.UpdatedAt)))]),
            new CopyList<UnmatchedCopy>(unmatchedCount, [.. unmatched.Select(u => new UnmatchedCopy(u.HoldingId, u.Barcode, u.Side, u.Reason, Time(u.Since)))]),
            reconciliation?.ToReport());
    }

    /// <summary>A batch of <paramref name="isil"/> with its records, or null.</summary>
    public async Task<BatchDetail?> BatchAsync(string isil, string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var batch = await connection.QuerySingleOrDefaultAsync<SyncBatch>(new CommandDefinition(
            "SELECT * FROM holdings_sync_batches WHERE id = @batchId AND isil = @isil", new { batchId, isil }, cancellationToken: cancellationToken));
        if (batch is null) return null;
        var records = await connection.QueryAsync<SyncRecord>(new CommandDefinition(
            "SELECT batch_id, sequence, part, holding_id, isil, target, action, status, reason, barcode, control_number, bib_reference, digest, escalation, updated_at " +
            "FROM holdings_sync_records WHERE batch_id = @batchId ORDER BY sequence LIMIT 10000", new { batchId }, cancellationToken: cancellationToken));
        return new BatchDetail(View(batch), [.. records.Select(r => new BatchRecordView(r.Sequence, r.Part, r.HoldingId, r.Barcode, r.Action.ToString(),
            r.Status.ToString(), r.Reason, r.ControlNumber))]);
    }

    private static BatchView View(SyncBatch b) => new(b.Id, b.Label, b.Kind.ToString(), b.Target.ToString(), b.BusinessDay, b.Status.ToString(), b.Records,
        b.Parts, b.Accepted, b.Rejected, b.Unmatched, b.Attempts, Time(b.CreatedAt), b.DeliveredAt is null ? null : Time(b.DeliveredAt), b.LastError);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private sealed class UnmatchedRow
    {
        public string HoldingId { get; set; } = "";
        public string? Barcode { get; set; }
        public string Side { get; set; } = "";
        public string Reason { get; set; } = "";
        public string Since { get; set; } = "";
    }

    private sealed class ReconciliationRow
    {
        public string Id { get; set; } = "";
        public string Isil { get; set; } = "";
        public SyncTargetKind Target { get; set; }
        public string Kind { get; set; } = "";
        public string StartedAt { get; set; } = "";
        public string FinishedAt { get; set; } = "";
        public int HubCopies { get; set; }
        public int TargetCopies { get; set; }
        public int Missing { get; set; }
        public int Surplus { get; set; }
        public int Differing { get; set; }
        public int Unmatched { get; set; }
        public string? RepairBatchId { get; set; }
        public string Samples { get; set; } = "{}";

        public ReconciliationReport ToReport() => new(Id, Isil, Target, Kind, Time(StartedAt), Time(FinishedAt), HubCopies, TargetCopies, Missing, Surplus,
            Differing, Unmatched, RepairBatchId, JsonSerializer.Deserialize<ReconciliationSamples>(Samples, HubJson.Options) ?? new ReconciliationSamples([], [], []));
    }
}
