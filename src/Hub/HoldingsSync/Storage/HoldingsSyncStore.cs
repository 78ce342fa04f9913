using Dapper;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Storage;

/// <summary>
/// Reads and writes batches and their records. Every outcome a target reports is committed before the next record or
/// part is sent, so a crash loses at most what was in flight, never an acknowledgement.
/// </summary>
public sealed partial class HoldingsSyncStore(HubDatabase database)
{
    /// <summary>The database.</summary>
    public HubDatabase Database { get; } = database;

    /// <summary>A batch, or null.</summary>
    public async Task<SyncBatch?> BatchAsync(string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SyncBatch>(new CommandDefinition(
            "SELECT * FROM holdings_sync_batches WHERE id = @batchId", new { batchId }, cancellationToken: cancellationToken));
    }

    /// <summary>The library's batches that are not delivered, oldest first, up to and including <paramref name="batchId"/>.</summary>
    public async Task<List<SyncBatch>> UndeliveredUpToAsync(string isil, string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        var open = (await connection.QueryAsync<SyncBatch>(new CommandDefinition(
            "SELECT * FROM holdings_sync_batches WHERE isil = @isil AND status <> 'Delivered' ORDER BY created_at, id",
            new { isil }, cancellationToken: cancellationToken))).ToList();
        var index = open.FindIndex(b => b.Id == batchId);
        return index < 0 ? [] : open[..(index + 1)];
    }

    /// <summary>Undelivered batches whose last attempt (or cut) is older than <paramref name="before"/>.</summary>
    public async Task<List<SyncBatch>> StaleBatchesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        var at = before.ToUniversalTime().ToString("O");
        return [.. await connection.QueryAsync<SyncBatch>(new CommandDefinition(
            "SELECT * FROM holdings_sync_batches WHERE status <> 'Delivered' AND COALESCE(last_attempt_at, created_at) < @at ORDER BY created_at",
            new { at }, cancellationToken: cancellationToken))];
    }

    /// <summary>Clears the payloads of batches delivered before <paramref name="before"/> (never needed again: a replay
    /// builds a new record from the copy's current state). Returns how many were cleared.</summary>
    public async Task<int> ClearPayloadsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_records SET payload = NULL WHERE payload IS NOT NULL AND batch_id IN " +
            "(SELECT id FROM holdings_sync_batches WHERE status = 'Delivered' AND delivered_at < @before)",
            new { before = before.ToUniversalTime().ToString("O") }, cancellationToken: cancellationToken));
    }

    /// <summary>Counts an attempt.</summary>
    public async Task MarkAttemptAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_batches SET attempts = attempts + 1, last_attempt_at = @at, status = CASE WHEN status = 'Open' THEN 'Delivering' ELSE status END WHERE id = @batchId",
            new { batchId, at = at.ToUniversalTime().ToString("O") }, cancellationToken: cancellationToken));
    }

    /// <summary>Notes why the last attempt failed.</summary>
    public async Task MarkErrorAsync(string batchId, string error, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_batches SET last_error = @error WHERE id = @batchId", new { batchId, error }, cancellationToken: cancellationToken));
    }

    /// <summary>Recounts the batch's records; marks it delivered when none is pending. True when delivered.</summary>
    public async Task<bool> FinishAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM holdings_sync_records WHERE batch_id = @batchId GROUP BY status",
            new { batchId }, cancellationToken: cancellationToken))).ToDictionary(c => c.Status, c => (int)c.Count, StringComparer.Ordinal);
        var pending = counts.GetValueOrDefault(nameof(RecordStatus.Pending));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_batches SET accepted = @accepted, rejected = @rejected, unmatched = @unmatched, " +
            "status = CASE WHEN @pending = 0 THEN 'Delivered' ELSE status END, " +
            "delivered_at = CASE WHEN @pending = 0 THEN @at ELSE delivered_at END, last_error = CASE WHEN @pending = 0 THEN NULL ELSE last_error END " +
            "WHERE id = @batchId",
            new
            {
                batchId, pending, at = at.ToUniversalTime().ToString("O"),
                accepted = counts.GetValueOrDefault(nameof(RecordStatus.Accepted)) + counts.GetValueOrDefault(nameof(RecordStatus.Resolved)),
                rejected = counts.GetValueOrDefault(nameof(RecordStatus.Rejected)) + counts.GetValueOrDefault(nameof(RecordStatus.Superseded)),
                unmatched = counts.GetValueOrDefault(nameof(RecordStatus.Unmatched)),
            }, cancellationToken: cancellationToken));
        return pending == 0;
    }
}
