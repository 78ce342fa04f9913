using Lsb.Hub.Canonical.Identity;
using Dapper;
using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.Storage;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// The hub's record of replays (<c>failed_message_replays</c>). Guarantees one outstanding replay per message with
/// a partial unique index, so two administrators, two operations or two hub nodes cannot send the same message
/// twice at once.
/// </summary>
public sealed class ReplayLedger(HubDatabase database)
{
    /// <summary>Records pending replays for <paramref name="messages"/> (id, replay count before) in one
    /// transaction; answers the ids that got one. A message that already has a pending replay is left out.</summary>
    public async Task<IReadOnlySet<Guid>> BeginAsync(IReadOnlyList<(Guid Id, int ReplayCount, string Snapshot)> messages, string operationId, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var begun = new HashSet<Guid>();
        if (messages.Count == 0) return begun;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO failed_message_replays (id, message_id, operation_id, requested_at, requested_by, replay_count_before, outcome, snapshot) " +
            "VALUES (@id, @messageId, @operationId, @at, @actor, @before, 'Pending', @snapshot) ON CONFLICT DO NOTHING";
        var p = new ParameterSet(command, "id", "messageId", "operationId", "at", "actor", "before", "snapshot");
        var at = IsoTime.Format(now);
        foreach (var (id, replayCount, snapshot) in messages)
        {
            p.Set(0, Uuid7.New().ToString("D"));
            p.Set(1, id.ToString("D"));
            p.Set(2, operationId);
            p.Set(3, at);
            p.Set(4, actor);
            p.Set(5, replayCount);
            p.Set(6, snapshot);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) begun.Add(id);
        }
        await tx.CommitAsync(cancellationToken);
        return begun;
    }

    /// <summary>Outstanding replays, oldest first (all operations, or one).</summary>
    public async Task<IReadOnlyList<PendingReplay>> PendingAsync(string? operationId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sql = "SELECT id, message_id, operation_id, requested_at, requested_by, replay_count_before, snapshot FROM failed_message_replays WHERE outcome = 'Pending'"
            + (operationId is null ? "" : " AND operation_id = @operationId") + " ORDER BY requested_at, id LIMIT @limit";
        var rows = await connection.QueryAsync<PendingReplay>(new CommandDefinition(sql, new { operationId, limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>How many replays of an operation are still outstanding.</summary>
    public async Task<int> PendingCountAsync(string operationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM failed_message_replays WHERE outcome = 'Pending' AND operation_id = @operationId", new { operationId }, cancellationToken: cancellationToken));
    }

    /// <summary>The ids among <paramref name="ids"/> with an outstanding replay.</summary>
    public async Task<IReadOnlySet<Guid>> PendingAmongAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new HashSet<Guid>();
        if (ids.Count == 0) return result;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id FROM failed_message_replays WHERE outcome = 'Pending' AND " + database.Dialect.InList("message_id", "@ids");
        database.Dialect.AddList(command, "@ids", [.. ids.Select(i => i.ToString("D"))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add(Guid.Parse(reader.GetString(0)));
        return result;
    }

    /// <summary>Settles replays: (replay id, outcome).</summary>
    public async Task SettleAsync(IReadOnlyList<(string ReplayId, string Outcome)> settled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settled);
        if (settled.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE failed_message_replays SET outcome = @Outcome, settled_at = @at WHERE id = @ReplayId AND outcome = 'Pending'",
            settled.Select(s => new { s.ReplayId, s.Outcome, at = IsoTime.Format(now) }), tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Every replay of one message, oldest first.</summary>
    public async Task<IReadOnlyList<ReplayRecord>> HistoryAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string OperationId, string RequestedAt, string RequestedBy, string Outcome, string? SettledAt)>(new CommandDefinition(
            "SELECT operation_id, requested_at, requested_by, outcome, settled_at FROM failed_message_replays WHERE message_id = @id ORDER BY requested_at, id",
            new { id = messageId.ToString("D") }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ReplayRecord(r.OperationId, IsoTime.Parse(r.RequestedAt), r.RequestedBy, r.Outcome, IsoTime.ParseOrNull(r.SettledAt)))];
    }
}
