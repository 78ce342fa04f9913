using Dapper;
using Lsb.Hub.HoldingsSync.Batches;

namespace Lsb.Hub.HoldingsSync.Storage;

/// <summary>Records of batches.</summary>
public sealed partial class HoldingsSyncStore
{
    /// <summary>The batch's records still to be sent (part 1 and up), by sequence.</summary>
    public async Task<List<SyncRecord>> PendingAsync(string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<SyncRecord>(new CommandDefinition(
            "SELECT * FROM holdings_sync_records WHERE batch_id = @batchId AND status = 'Pending' AND part > 0 ORDER BY sequence",
            new { batchId }, cancellationToken: cancellationToken))];
    }

    /// <summary>Every record of one part, by sequence (the content of one GGC file).</summary>
    public async Task<List<SyncRecord>> PartAsync(string batchId, int part, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<SyncRecord>(new CommandDefinition(
            "SELECT * FROM holdings_sync_records WHERE batch_id = @batchId AND part = @part ORDER BY sequence",
            new { batchId, part }, cancellationToken: cancellationToken))];
    }

    /// <summary>One record, or null.</summary>
    public async Task<SyncRecord?> RecordAsync(string batchId, int sequence, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SyncRecord>(new CommandDefinition(
            "SELECT * FROM holdings_sync_records WHERE batch_id = @batchId AND sequence = @sequence",
            new { batchId, sequence }, cancellationToken: cancellationToken));
    }

    /// <summary>Rejected records of a batch not yet queued as failed messages.</summary>
    public async Task<List<SyncRecord>> ToEscalateAsync(string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<SyncRecord>(new CommandDefinition(
            "SELECT * FROM holdings_sync_records WHERE batch_id = @batchId AND status = 'Rejected' AND escalation = 'None' ORDER BY sequence",
            new { batchId }, cancellationToken: cancellationToken))];
    }

    /// <summary>Rejected records queued before <paramref name="before"/> whose message was never handled (lost in a crash).</summary>
    public async Task<List<SyncRecord>> StaleEscalationsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        var at = before.ToUniversalTime().ToString("O");
        return [.. await connection.QueryAsync<SyncRecord>(new CommandDefinition(
            "SELECT * FROM holdings_sync_records WHERE status = 'Rejected' AND escalation = 'Queued' AND escalated_at < @at",
            new { at }, cancellationToken: cancellationToken))];
    }

    /// <summary>Notes that the rejection message of a record is queued.</summary>
    public async Task MarkQueuedAsync(SyncRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_records SET escalation = 'Queued', escalated_at = @at WHERE batch_id = @BatchId AND sequence = @Sequence AND escalation <> 'DeadLettered'",
            new { record.BatchId, record.Sequence, at = at.ToUniversalTime().ToString("O") }, cancellationToken: cancellationToken));
    }

    /// <summary>Notes the envelope whose failure put the record in the failed-message store: its replay is recognised by it.
    /// True when this call set it (first handling).</summary>
    public async Task<bool> MarkDeadLetteredAsync(SyncRecord record, Guid envelopeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_records SET escalation = 'DeadLettered', dead_letter_id = @id, escalated_at = @at " +
            "WHERE batch_id = @BatchId AND sequence = @Sequence AND dead_letter_id IS NULL",
            new { record.BatchId, record.Sequence, id = envelopeId.ToString(), at = at.ToUniversalTime().ToString("O") },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Closes a rejected record: <see cref="RecordStatus.Resolved"/> or <see cref="RecordStatus.Superseded"/>, with why.</summary>
    public async Task CloseRejectedAsync(SyncRecord record, RecordStatus status, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_records SET status = @status, reason = @reason, updated_at = @at WHERE batch_id = @BatchId AND sequence = @Sequence AND status = 'Rejected'",
            new { record.BatchId, record.Sequence, status = status.ToString(), reason, at = at.ToUniversalTime().ToString("O") },
            cancellationToken: cancellationToken));
        await FinishAsync(record.BatchId, at, cancellationToken);
    }

    /// <summary>Updates the reason of a record that was rejected again.</summary>
    public async Task UpdateRejectionAsync(SyncRecord record, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_sync_records SET reason = @reason, updated_at = @at WHERE batch_id = @BatchId AND sequence = @Sequence",
            new { record.BatchId, record.Sequence, reason, at = at.ToUniversalTime().ToString("O") }, cancellationToken: cancellationToken));
    }

    /// <summary>True when a batch cut after <paramref name="record"/>'s carries the same copy for the same library and target.</summary>
    public async Task<bool> HasLaterRecordAsync(SyncRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM holdings_sync_records r JOIN holdings_sync_batches b ON b.id = r.batch_id " +
            "JOIN holdings_sync_batches mine ON mine.id = @BatchId " +
            "WHERE r.holding_id = @HoldingId AND r.isil = @Isil AND r.target = @target AND b.kind <> 'Replay' AND b.created_at > mine.created_at " +
            "AND r.status IN ('Pending', 'Accepted')",
            new { record.BatchId, record.HoldingId, record.Isil, target = record.Target.ToString() }, cancellationToken: cancellationToken)) > 0;
    }
}
