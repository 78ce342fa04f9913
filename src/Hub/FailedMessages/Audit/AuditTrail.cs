using Lsb.Hub.Canonical.Identity;
using System.Text;
using Dapper;
using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.Storage;

namespace Lsb.Hub.FailedMessages.Audit;

/// <summary>
/// The audit trail of failed-message administration (<c>failed_message_audit</c>): who replayed, archived,
/// discarded or commented on what, and when. Append-only; written after the action took effect.
/// </summary>
public sealed class AuditTrail(HubDatabase database, TimeProvider time)
{
    /// <summary>Appends an entry.</summary>
    public async Task<AuditEntry> RecordAsync(string actor, string action, string target, int affected, string? operationId, string? detail, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(Uuid7.New().ToString("D"), time.GetUtcNow(), actor, action, target, affected, operationId, detail);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO failed_message_audit (id, at, actor, action, target, affected, operation_id, detail) VALUES (@Id, @at, @Actor, @Action, @Target, @Affected, @OperationId, @Detail)",
            new { entry.Id, at = IsoTime.Format(entry.At), entry.Actor, entry.Action, entry.Target, entry.Affected, entry.OperationId, entry.Detail },
            cancellationToken: cancellationToken));
        return entry;
    }

    /// <summary>Entries matching <paramref name="query"/>, newest first.</summary>
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder(" WHERE 1 = 1");
        var args = new DynamicParameters();
        if (query.Actor is not null) { where.Append(" AND actor = @actor"); args.Add("actor", query.Actor); }
        if (query.Action is not null) { where.Append(" AND action = @action"); args.Add("action", query.Action); }
        if (query.OperationId is not null) { where.Append(" AND operation_id = @operationId"); args.Add("operationId", query.OperationId); }
        if (query.From is { } from) { where.Append(" AND at >= @from"); args.Add("from", IsoTime.Format(from)); }
        if (query.To is { } to) { where.Append(" AND at <= @to"); args.Add("to", IsoTime.Format(to)); }
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM failed_message_audit" + where, args, cancellationToken: cancellationToken));
        args.Add("limit", query.PageSize);
        args.Add("offset", (query.Page - 1) * query.PageSize);
        var rows = await connection.QueryAsync<(string Id, string At, string Actor, string Action, string Target, long Affected, string? OperationId, string? Detail)>(
            new CommandDefinition("SELECT id, at, actor, action, target, affected, operation_id, detail FROM failed_message_audit" + where +
                " ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: cancellationToken));
        return new AuditPage([.. rows.Select(r => new AuditEntry(r.Id, IsoTime.Parse(r.At), r.Actor, r.Action, r.Target, (int)r.Affected, r.OperationId, r.Detail))],
            query.Page, query.PageSize, total);
    }
}
