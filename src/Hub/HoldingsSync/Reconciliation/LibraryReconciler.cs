using Lsb.Hub.Canonical.Identity;
using System.Text.Json;
using Dapper;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Journal;
using Lsb.Hub.HoldingsSync.Records;
using Lsb.Hub.HoldingsSync.Scheduling;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.HoldingsSync.Targets;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;
using Wolverine;

namespace Lsb.Hub.HoldingsSync.Reconciliation;

/// <summary>
/// Compares the hub's holdings of one library with what its catalogue reports holding, and repairs the difference:
/// the catalogue's own listing replaces what the hub believed it held, every missing, surplus or differing copy goes
/// into the journal, and a repair batch is cut and queued at once. A full resync sends every copy again. Runs under
/// the library's lock and only when none of its batches is still being delivered.
/// </summary>
public sealed class LibraryReconciler(HubDatabase database, HoldingsSyncTargets targets, BatchCutter cutter,
    LibraryLocks locks, HoldingsSyncClock clock, IMessageBus bus, ILogger<LibraryReconciler> logger)
{
    private const int SampleSize = 10;

    /// <summary>Reconciles <paramref name="isil"/>; with <paramref name="fullResync"/> every copy is sent again.</summary>
    public async Task<ReconciliationReport> ReconcileAsync(string isil, bool fullResync, CancellationToken cancellationToken)
    {
        var library = targets.Resolve(isil);
        if (!library.Usable) throw new ReconciliationRefusedException(library.Problem ?? $"Library {isil} is not synchronised.");
        await using var _ = await locks.AcquireAsync(isil, cancellationToken);
        await RefuseWhileDeliveringAsync(isil, cancellationToken);
        var started = clock.Now;
        var hub = await ReadHubAsync(library, started, cancellationToken);
        var held = new Dictionary<string, HeldCopy>(StringComparer.Ordinal);
        await foreach (var copy in library.Target!.ReadHoldingsAsync(library, cancellationToken)) held[copy.HoldingId] = copy;

        var missing = hub.Where(h => h.Value.Matched && !held.ContainsKey(h.Key)).Select(h => h.Key).ToList();
        var differing = hub.Where(h => h.Value.Matched && held.TryGetValue(h.Key, out var c) && c.Digest != h.Value.Digest).Select(h => h.Key).ToList();
        var surplus = held.Keys.Where(k => !hub.ContainsKey(k)).ToList();
        var unmatched = hub.Count(h => !h.Value.Matched);

        await ReplaceMirrorAsync(library, held.Values, missing.Concat(differing).Concat(surplus), fullResync ? hub.Where(h => h.Value.Matched).Select(h => h.Key) : [],
            cancellationToken);
        var batch = await cutter.CutAsync(isil, fullResync ? BatchKind.Resync : BatchKind.Repair, cancellationToken);
        if (batch is { Status: not BatchStatus.Delivered })
            await bus.SendAsync(new DeliverHoldingsBatch(isil, batch.Id), new DeliveryOptions().WithHeader(HoldingsSyncHeaders.Library, isil));

        var report = new ReconciliationReport("hsr-" + Uuid7.New().ToString("N"), isil, library.Kind, fullResync ? "Resync" : "Reconcile",
            started, clock.Now, hub.Count, held.Count, missing.Count, surplus.Count, differing.Count, unmatched, batch?.Id,
            new ReconciliationSamples(Samples(missing, hub, held), Samples(surplus, hub, held), Samples(differing, hub, held)));
        await SaveAsync(report, cancellationToken);
        logger.LogInformation("Reconciled library {Isil} with {Target}: {Hub} copies at the hub, {Held} in the catalogue; {Missing} missing, {Surplus} surplus, {Differing} differing, {Unmatched} unmatched; repair batch {Batch}",
            isil, library.Kind, hub.Count, held.Count, missing.Count, surplus.Count, differing.Count, unmatched, batch?.Id ?? "none");
        return report;
    }

    private async Task RefuseWhileDeliveringAsync(string isil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var open = await connection.QueryFirstOrDefaultAsync<SyncBatch>(new CommandDefinition(
            "SELECT * FROM holdings_sync_batches WHERE isil = @isil AND status <> 'Delivered' ORDER BY created_at LIMIT 1",
            new { isil }, cancellationToken: cancellationToken));
        if (open is not null)
            throw new ReconciliationRefusedException(
                $"Library {isil} has batch {open.Id} ({open.Label}, {open.Status}{(open.LastError is null ? "" : $", last error: {open.LastError}")}) not yet delivered: " +
                "reconcile after it is delivered, or after its failed message is resolved.");
    }

    private async Task<Dictionary<string, (long Digest, bool Matched, string? Barcode)>> ReadHubAsync(LibraryTarget library, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (long, bool, string?)>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<HoldingRow>(
            "SELECT * FROM holdings WHERE isil = @isil AND withdrawn = @no", new { isil = library.Isil, no = false });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var prepared = library.Target!.Prepare(SyncAction.Add, CatalogueCopy.From(row), library, at);
            result[row.Id] = (prepared.Digest, prepared.UnmatchedReason is null, row.Barcode);
        }
        return result;
    }

    private async Task ReplaceMirrorAsync(LibraryTarget library, IEnumerable<HeldCopy> held, IEnumerable<string> repairs, IEnumerable<string> resend,
        CancellationToken cancellationToken)
    {
        var now = clock.Now.ToUniversalTime().ToString("O");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var target = library.Kind.ToString();
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM holdings_sync_copies WHERE target = @target AND isil = @isil",
            new { target, isil = library.Isil }, transaction, cancellationToken: cancellationToken));
        await using (var mirror = HoldingsSyncStore.MirrorBatch(connection, transaction))
        {
            foreach (var copy in held)
                await mirror.AddAsync([target, library.Isil, copy.HoldingId, copy.ControlNumber, copy.Barcode, copy.BibReference, copy.Digest, now], cancellationToken);
            await mirror.FlushAsync(cancellationToken);
        }
        await SyncJournal.WriteAsync(connection, transaction, repairs.Select(id => (library.Isil, id, 0L)), forced: false, cancellationToken);
        await SyncJournal.WriteAsync(connection, transaction, resend.Select(id => (library.Isil, id, 0L)), forced: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SaveAsync(ReconciliationReport report, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO holdings_sync_reconciliations (id, isil, target, kind, started_at, finished_at, hub_copies, target_copies, missing, surplus, " +
            "differing, unmatched, repair_batch_id, samples) VALUES (@Id, @Isil, @target, @Kind, @started, @finished, @HubCopies, @TargetCopies, @Missing, " +
            "@Surplus, @Differing, @Unmatched, @RepairBatchId, @samples)",
            new
            {
                report.Id, report.Isil, target = report.Target.ToString(), report.Kind, started = report.StartedAt.ToUniversalTime().ToString("O"),
                finished = report.FinishedAt.ToUniversalTime().ToString("O"), report.HubCopies, report.TargetCopies, report.Missing, report.Surplus,
                report.Differing, report.Unmatched, report.RepairBatchId, samples = JsonSerializer.Serialize(report.Samples, HubJson.Options),
            }, cancellationToken: cancellationToken));
    }

    private static List<ReconciliationSample> Samples(List<string> ids, Dictionary<string, (long Digest, bool Matched, string? Barcode)> hub, Dictionary<string, HeldCopy> held)
        => [.. ids.Order(StringComparer.Ordinal).Take(SampleSize)
            .Select(id => new ReconciliationSample(id, hub.TryGetValue(id, out var h) ? h.Barcode : held.GetValueOrDefault(id)?.Barcode))];
}
