using Lsb.Hub.Canonical.Identity;
using System.Text.Json;
using Dapper;
using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.Storage;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// Replay operations and their frozen selection (<c>failed_message_operations</c>, <c>failed_message_operation_items</c>).
/// An operation is claimed by one hub node at a time; a node that stops beating loses it to another after
/// <see cref="StaleAfter"/>.
/// </summary>
public sealed class OperationStore(HubDatabase database)
{
    /// <summary>A running operation without a heartbeat for this long is taken over by another node.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    /// <summary>The kind of every operation this store holds today.</summary>
    public const string ReplayKind = "Replay";

    /// <summary>Creates a queued operation over <paramref name="messageIds"/> in one transaction.</summary>
    public async Task<string> CreateAsync(string selection, IReadOnlyList<Guid> messageIds, string actor, bool force, int batchSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var id = Uuid7.New().ToString("D");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO failed_message_operations (id, kind, status, selection, requested_by, requested_at, force, batch_size, total, batches_done, cancel_requested) " +
            "VALUES (@id, @kind, @status, @selection, @actor, @at, @force, @batchSize, @total, 0, @no)",
            new { id, kind = ReplayKind, status = OperationStatus.Queued, selection, actor, at = IsoTime.Format(now), force, batchSize, total = messageIds.Count, no = false },
            tx, cancellationToken: cancellationToken));
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = "INSERT INTO failed_message_operation_items (operation_id, seq, message_id, state) VALUES (@op, @seq, @messageId, 'Waiting')";
            var p = new ParameterSet(command, "op", "seq", "messageId");
            p.Set(0, id);
            for (var i = 0; i < messageIds.Count; i++)
            {
                p.Set(1, i);
                p.Set(2, messageIds[i].ToString("D"));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await tx.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>One operation with its progress, or null.</summary>
    public async Task<ReplayOperationView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OperationRow>(new CommandDefinition(
            "SELECT * FROM failed_message_operations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row is null ? null : await ViewAsync(connection, row, cancellationToken);
    }

    /// <summary>The most recent operations, newest first.</summary>
    public async Task<IReadOnlyList<ReplayOperationView>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OperationRow>(new CommandDefinition(
            "SELECT * FROM failed_message_operations ORDER BY requested_at DESC, id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken));
        var views = new List<ReplayOperationView>();
        foreach (var row in rows) views.Add(await ViewAsync(connection, row, cancellationToken));
        return views;
    }

    /// <summary>Claims the oldest operation to run: a queued one, or a running one whose node stopped beating.</summary>
    public async Task<OperationRow?> ClaimNextAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stale = IsoTime.Format(now - StaleAfter);
        var candidates = await connection.QueryAsync<OperationRow>(new CommandDefinition(
            "SELECT * FROM failed_message_operations WHERE status = 'Queued' OR (status = 'Running' AND (heartbeat_at IS NULL OR heartbeat_at < @stale)) " +
            "ORDER BY requested_at, id LIMIT 5", new { stale }, cancellationToken: cancellationToken));
        foreach (var candidate in candidates)
        {
            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE failed_message_operations SET status = 'Running', started_at = COALESCE(started_at, @now), heartbeat_at = @now " +
                "WHERE id = @id AND status = @status AND (heartbeat_at IS NULL AND @beat IS NULL OR heartbeat_at = @beat)",
                new { now = IsoTime.Format(now), id = candidate.Id, status = candidate.Status, beat = candidate.HeartbeatAt }, cancellationToken: cancellationToken));
            if (claimed == 1)
            {
                candidate.Status = OperationStatus.Running;
                candidate.HeartbeatAt = IsoTime.Format(now);
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Keeps the claim; answers false when a cancel was requested.</summary>
    public async Task<bool> HeartbeatAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE failed_message_operations SET heartbeat_at = @now WHERE id = @id", new { id, now = IsoTime.Format(now) }, cancellationToken: cancellationToken));
        return !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT cancel_requested FROM failed_message_operations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Asks a queued or running operation to stop after its current batch; false when it is already finished or unknown.</summary>
    public async Task<bool> RequestCancelAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE failed_message_operations SET cancel_requested = @yes WHERE id = @id AND status IN ('Queued', 'Running')",
            new { id, yes = true }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The next waiting items of an operation, in selection order.</summary>
    public async Task<IReadOnlyList<(int Seq, Guid MessageId)>> NextWaitingAsync(string id, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Seq, string MessageId)>(new CommandDefinition(
            "SELECT seq, message_id FROM failed_message_operation_items WHERE operation_id = @id AND state = 'Waiting' ORDER BY seq LIMIT @limit",
            new { id, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => ((int)r.Seq, Guid.Parse(r.MessageId)))];
    }

    /// <summary>Sets the state (and reason) of items by message id.</summary>
    public async Task MarkAsync(string id, IEnumerable<(Guid MessageId, string State, string? Reason)> items, CancellationToken cancellationToken)
    {
        var list = items.Select(i => new { op = id, messageId = i.MessageId.ToString("D"), state = i.State, reason = i.Reason }).ToList();
        if (list.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE failed_message_operation_items SET state = @state, reason = @reason WHERE operation_id = @op AND message_id = @messageId",
            list, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Skips every waiting item of an operation with <paramref name="reason"/>.</summary>
    public async Task SkipWaitingAsync(string id, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE failed_message_operation_items SET state = 'Skipped', reason = @reason WHERE operation_id = @id AND state = 'Waiting'",
            new { id, reason }, cancellationToken: cancellationToken));
    }

    /// <summary>How many of <paramref name="messageIds"/> in an operation are in <paramref name="state"/>.</summary>
    public async Task<int> CountInBatchAsync(string id, IReadOnlyCollection<Guid> messageIds, string state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM failed_message_operation_items WHERE operation_id = @op AND state = @state AND "
            + database.Dialect.InList("message_id", "@ids");
        var op = command.CreateParameter();
        op.ParameterName = "@op";
        op.Value = id;
        command.Parameters.Add(op);
        var st = command.CreateParameter();
        st.ParameterName = "@state";
        st.Value = state;
        command.Parameters.Add(st);
        database.Dialect.AddList(command, "@ids", [.. messageIds.Select(m => m.ToString("D"))]);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Counts one more batch done.</summary>
    public async Task BatchDoneAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE failed_message_operations SET batches_done = batches_done + 1 WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends an operation.</summary>
    public async Task FinishAsync(string id, string status, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE failed_message_operations SET status = @status, note = @note, finished_at = @now WHERE id = @id",
            new { id, status, note, now = IsoTime.Format(now) }, cancellationToken: cancellationToken));
    }

    private static async Task<ReplayOperationView> ViewAsync(System.Data.Common.DbConnection connection, OperationRow row, CancellationToken cancellationToken)
    {
        var counts = (await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM failed_message_operation_items WHERE operation_id = @id GROUP BY state", new { id = row.Id }, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.State, c => (int)c.Count, StringComparer.Ordinal);
        var reasons = (await connection.QueryAsync<(string Reason, long Count)>(new CommandDefinition(
            "SELECT reason, COUNT(*) FROM failed_message_operation_items WHERE operation_id = @id AND state = 'Skipped' AND reason IS NOT NULL GROUP BY reason",
            new { id = row.Id }, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.Reason, c => (int)c.Count, StringComparer.Ordinal);
        int Count(string state) => counts.GetValueOrDefault(state);
        var done = Count(ItemState.Succeeded) + Count(ItemState.FailedAgain) + Count(ItemState.Skipped);
        using var selection = JsonDocument.Parse(row.Selection);
        return new ReplayOperationView(row.Id, row.Kind, row.Status, selection.RootElement.Clone(), row.RequestedBy, IsoTime.Parse(row.RequestedAt),
            IsoTime.ParseOrNull(row.StartedAt), IsoTime.ParseOrNull(row.FinishedAt), row.Force, row.BatchSize, row.BatchesDone, row.Total,
            Count(ItemState.Waiting), Count(ItemState.Sent), Count(ItemState.Succeeded), Count(ItemState.FailedAgain), Count(ItemState.Skipped), done,
            row.Total == 0 ? 100 : Math.Round(100.0 * done / row.Total, 1), row.Note, reasons);
    }
}
