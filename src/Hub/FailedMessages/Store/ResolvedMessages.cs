using System.Text;
using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.FailedMessages.Store;

/// <summary>
/// Messages whose replay succeeded (<c>failed_messages_resolved</c>). Wolverine forgets a message once it is replayed;
/// the hub keeps it here, out of the default list, so a resolved message can still be looked up, a second replay of
/// it is refused, and retention removes it after <see cref="FailedMessagesOptions.RetainResolvedFor"/>.
/// </summary>
public sealed class ResolvedMessages(HubDatabase database)
{
    /// <summary>Records resolved messages (a message resolved twice keeps its first record).</summary>
    public async Task AddAsync(IReadOnlyList<ResolvedRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO failed_messages_resolved (message_id, message_type, exception_type, exception_message, failure_group, installation_id, vendor, isil, " +
            "first_failed_at, last_failed_at, failures, body, headers, resolved_at, resolved_by, operation_id) VALUES (@MessageId, @MessageType, @ExceptionType, " +
            "@ExceptionMessage, @FailureGroup, @InstallationId, @Vendor, @Isil, @FirstFailedAt, @LastFailedAt, @Failures, @Body, @Headers, @ResolvedAt, @ResolvedBy, " +
            "@OperationId) ON CONFLICT (message_id) DO NOTHING", rows, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The ids among <paramref name="ids"/> that are resolved.</summary>
    public async Task<IReadOnlySet<Guid>> ResolvedAmongAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new HashSet<Guid>();
        if (ids.Count == 0) return result;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id FROM failed_messages_resolved WHERE " + database.Dialect.InList("message_id", "@ids");
        database.Dialect.AddList(command, "@ids", [.. ids.Select(i => i.ToString("D"))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add(Guid.Parse(reader.GetString(0)));
        return result;
    }

    /// <summary>One resolved message, or null.</summary>
    public async Task<ResolvedRow?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ResolvedRow>(new CommandDefinition(
            "SELECT * FROM failed_messages_resolved WHERE message_id = @id", new { id = id.ToString("D") }, cancellationToken: cancellationToken));
    }

    /// <summary>A page of resolved messages matching <paramref name="filter"/>, newest resolution first.</summary>
    public async Task<FailedMessagePage> QueryAsync(FailedMessageFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder(" WHERE 1 = 1");
        var args = new DynamicParameters();
        void Add(string column, string name, object? value, string op = "=")
        {
            if (value is null) return;
            where.Append(" AND ").Append(column).Append(' ').Append(op).Append(" @").Append(name);
            args.Add(name, value);
        }
        Add("message_type", "messageType", filter.MessageType);
        Add("exception_type", "exceptionType", filter.ExceptionType);
        Add("installation_id", "installation", filter.Installation);
        Add("vendor", "vendor", filter.Vendor);
        Add("isil", "isil", filter.Library?.ToUpperInvariant());
        Add("failure_group", "failureGroup", filter.Group);
        Add("last_failed_at", "from", filter.From is { } f ? IsoTime.Format(f) : null, ">=");
        Add("last_failed_at", "to", filter.To is { } t ? IsoTime.Format(t) : null, "<=");
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM failed_messages_resolved" + where, args, cancellationToken: cancellationToken));
        args.Add("limit", pageSize);
        args.Add("offset", (page - 1) * pageSize);
        var rows = await connection.QueryAsync<ResolvedRow>(new CommandDefinition(
            "SELECT * FROM failed_messages_resolved" + where + " ORDER BY resolved_at DESC, message_id LIMIT @limit OFFSET @offset", args, cancellationToken: cancellationToken));
        return new FailedMessagePage([.. rows.Select(r => r.ToSummary())], page, pageSize, total);
    }

    /// <summary>Deletes resolved messages resolved before <paramref name="cutoff"/>; answers how many.</summary>
    public async Task<int> DeleteResolvedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM failed_messages_resolved WHERE resolved_at < @cutoff", new { cutoff = IsoTime.Format(cutoff) }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return deleted;
    }
}
