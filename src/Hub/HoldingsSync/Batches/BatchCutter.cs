using Lsb.Hub.Canonical.Identity;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Lsb.Hub.HoldingsSync.Scheduling;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.HoldingsSync.Targets;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>
/// Cuts a library's batch: takes its journal, decides per copy (<see cref="SyncDecision"/>), and stores the batch, its
/// records (with the exact payload to send and part numbers) and the hub-side unmatched copies, and removes the journal
/// rows it consumed — all in ONE transaction that holds the library's lock row, so a library is never cut twice at
/// once and a daily batch is cut once per business day.
/// </summary>
public sealed class BatchCutter(HubDatabase database, HoldingsSyncTargets targets, HoldingsSyncClock clock,
    IOptionsMonitor<HoldingsSyncOptions> options, ILogger<BatchCutter> logger)
{
    /// <summary>Cuts the library's pending changes; null when the library is not usable, nothing changed, or (daily) it was already cut today.</summary>
    public Task<SyncBatch?> CutAsync(string isil, BatchKind kind, CancellationToken cancellationToken)
        => CutCoreAsync(targets.Resolve(isil), kind, null, cancellationToken);

    /// <summary>Cuts a one-record <see cref="BatchKind.Replay"/> batch with the current state of the copy of
    /// for the library and target of <paramref name="rejected"/>; null when nothing needs sending any more.</summary>
    public Task<SyncBatch?> CutReplayAsync(SyncRecord rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return CutCoreAsync(targets.Resolve(rejected.Isil, rejected.Target), BatchKind.Replay,
            new JournalEntry { HoldingId = rejected.HoldingId, Position = 0, Forced = false }, cancellationToken);
    }

    private async Task<SyncBatch?> CutCoreAsync(LibraryTarget library, BatchKind kind, JournalEntry? only, CancellationToken cancellationToken)
    {
        if (!library.Usable) return null;
        var now = clock.Now;
        var nowText = now.ToUniversalTime().ToString("O");
        var day = new Scheduling.CutSchedule(options.CurrentValue.Schedule).BusinessDay(now);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var lastDaily = await LockLibraryAsync(connection, transaction, library.Isil, nowText, cancellationToken);
        if (kind == BatchKind.Daily && lastDaily == day)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        var journal = only is not null ? [only] : (await connection.QueryAsync<JournalEntry>(new CommandDefinition(
            "SELECT holding_id, position, forced FROM holdings_sync_journal WHERE isil = @isil", new { isil = library.Isil }, transaction,
            cancellationToken: cancellationToken))).ToList();
        var decisions = await DecideAsync(connection, transaction, library, journal, now, cancellationToken);
        var records = decisions.Where(d => d.Action is not null || d.Unmatched).ToList();

        SyncBatch? batch = null;
        if (records.Count > 0)
        {
            var sequence = 1 + await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COALESCE(MAX(sequence), 0) FROM holdings_sync_batches WHERE isil = @isil AND business_day = @day",
                new { isil = library.Isil, day }, transaction, cancellationToken: cancellationToken));
            batch = new SyncBatch
            {
                Id = "hsb-" + Uuid7.New().ToString("N"),
                Isil = library.Isil,
                Target = library.Kind,
                Kind = kind,
                BusinessDay = day,
                Sequence = sequence,
                Label = string.Create(CultureInfo.InvariantCulture, $"{library.LabelStem}-{day.Replace("-", "", StringComparison.Ordinal)}-{sequence:00}"),
                Status = BatchStatus.Open,
                Records = records.Count,
                CreatedAt = nowText,
            };
            await BatchWriter.WriteBatchAsync(connection, transaction, batch, records, library.Target!.PartSize, nowText, cancellationToken);
        }
        await BatchWriter.WriteUnmatchedAsync(connection, transaction, library, decisions, nowText, cancellationToken);
        if (only is null)
        {
            await using var consume = new RowBatch(connection, transaction,
                "DELETE FROM holdings_sync_journal WHERE isil = @isil AND holding_id = @id AND position = @position", "isil", "id", "position");
            foreach (var d in decisions) await consume.AddAsync([library.Isil, d.HoldingId, d.Position], cancellationToken);
            await consume.FlushAsync(cancellationToken);
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_libraries SET last_daily_day = CASE WHEN @daily THEN @day ELSE last_daily_day END, " +
            "last_batch_id = COALESCE(@batchId, last_batch_id), updated_at = @now WHERE isil = @isil",
            new { daily = kind == BatchKind.Daily, day, batchId = batch?.Id, now = nowText, isil = library.Isil }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        if (batch is not null)
            logger.LogInformation("Cut {Kind} batch {Batch} ({Label}) of library {Isil} for {Target}: {Records} records in {Parts} parts",
                kind, batch.Id, batch.Label, library.Isil, library.Kind, batch.Records, batch.Parts);
        return batch;
    }

    private async Task<List<SyncDecision>> DecideAsync(DbConnection connection, DbTransaction transaction, LibraryTarget library,
        List<JournalEntry> journal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (journal.Count == 0) return [];
        var ids = journal.Select(j => j.HoldingId).ToList();
        var hub = (await IdList.QueryAsync<HoldingRow>(connection, transaction, database.Dialect, "SELECT * FROM holdings WHERE {ids}", "id", ids, cancellationToken))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var held = (await IdList.QueryAsync<MirrorRow>(connection, transaction, database.Dialect,
            "SELECT holding_id, control_number, barcode, bib_reference, digest FROM holdings_sync_copies WHERE target = @target AND isil = @isil AND {ids}",
            "holding_id", ids, cancellationToken, new Dictionary<string, object?> { ["target"] = library.Kind.ToString(), ["isil"] = library.Isil }))
            .ToDictionary(r => r.HoldingId, StringComparer.Ordinal);
        return [.. journal.OrderBy(j => j.HoldingId, StringComparer.Ordinal).Select(j =>
            SyncDecision.Decide(j.HoldingId, hub.GetValueOrDefault(j.HoldingId), held.GetValueOrDefault(j.HoldingId), j.Forced, j.Position, library, now))];
    }

    private async Task<string?> LockLibraryAsync(DbConnection connection, DbTransaction transaction, string isil, string now, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO holdings_sync_libraries (isil, updated_at) VALUES (@isil, @now) ON CONFLICT (isil) DO NOTHING",
            new { isil, now }, transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT last_daily_day FROM holdings_sync_libraries WHERE isil = @isil" + (database.Dialect.IsPostgres ? " FOR UPDATE" : ""),
            new { isil }, transaction, cancellationToken: cancellationToken));
    }
}
