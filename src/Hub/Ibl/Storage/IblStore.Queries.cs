using Dapper;
using Lsb.Hub.Ibl.Iso18626;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Outbox;

namespace Lsb.Hub.Ibl.Storage;

/// <summary>Look-ups: by an external agency's ids, history, ISO 18626 messages, the outbox, secrets.</summary>
public sealed partial class IblStore
{
    /// <summary>The request an external requester knows by <paramref name="peerRequestId"/>, or null.</summary>
    public async Task<string?> FindByRequesterAsync(string requestingAgency, string peerRequestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT id FROM ibl_requests WHERE requesting_agency = @requestingAgency AND peer_request_id = @peerRequestId",
            new { requestingAgency, peerRequestId }, cancellationToken: cancellationToken));
    }

    /// <summary>The request the hub sent to external supplier <paramref name="supplier"/> as <paramref name="peerRequestId"/>, or null.</summary>
    public async Task<string?> FindBySupplierAsync(string supplier, string peerRequestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT request_id FROM ibl_rota WHERE agency = @supplier AND peer_request_id = @peerRequestId AND channel = 'Iso18626' ORDER BY updated_at DESC",
            new { supplier, peerRequestId }, cancellationToken: cancellationToken));
        return ids.FirstOrDefault();
    }

    /// <summary>The history of a request, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<HistoryEntry>(new CommandDefinition(
            "SELECT * FROM ibl_history WHERE request_id = @requestId ORDER BY seq", new { requestId }, cancellationToken: cancellationToken))];
    }

    /// <summary>A recorded outbound ISO 18626 message, or null.</summary>
    public async Task<IsoOutboundMessage?> IsoMessageAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IsoMessageRow>(new CommandDefinition(
            "SELECT id, request_id, peer, kind, xml, sent_at FROM ibl_iso_messages WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row is null || row.SentAt is not null ? null : new IsoOutboundMessage(row.Id, row.RequestId, row.Peer, row.Kind, row.Xml);
    }

    /// <summary>Records how sending an ISO 18626 message went.</summary>
    public async Task MarkIsoSentAsync(string id, string outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE ibl_iso_messages SET sent_at = @at, outcome = @outcome WHERE id = @id",
            new { id, outcome, at = IblClock.Format(at) }, cancellationToken: cancellationToken));
    }

    /// <summary>Every ISO 18626 message recorded for a request, oldest first (kind, peer, xml).</summary>
    public async Task<IReadOnlyList<IsoOutboundMessage>> IsoMessagesAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IsoMessageRow>(new CommandDefinition(
            "SELECT id, request_id, peer, kind, xml, sent_at FROM ibl_iso_messages WHERE request_id = @requestId ORDER BY created_at, id",
            new { requestId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new IsoOutboundMessage(r.Id, r.RequestId, r.Peer, r.Kind, r.Xml))];
    }

    /// <summary>Claims outbox messages whose claim is older than <paramref name="staleBefore"/> (left by a crash or a failed hand-over).</summary>
    public async Task<IReadOnlyList<IblOutboxEntry>> ClaimStaleOutboxAsync(DateTimeOffset staleBefore, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stale = IblClock.Format(staleBefore);
        var candidates = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            "SELECT id, request_id, kind, payload, claimed_at FROM ibl_outbox WHERE claimed_at < @stale ORDER BY claimed_at LIMIT @limit",
            new { stale, limit }, cancellationToken: cancellationToken))).ToList();
        var claimed = new List<IblOutboxEntry>(candidates.Count);
        var nowText = IblClock.Format(now);
        foreach (var row in candidates)
        {
            // Another node may claim the same row at the same moment: only the one whose update matched goes on.
            var won = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE ibl_outbox SET claimed_at = @nowText WHERE id = @id AND claimed_at = @claimedAt",
                new { nowText, id = row.Id, claimedAt = row.ClaimedAt }, cancellationToken: cancellationToken));
            if (won == 1) claimed.Add(new IblOutboxEntry(row.Id, row.RequestId, IblOutboxJson.Read(row.Kind, row.Payload)));
        }
        return claimed;
    }

    /// <summary>Forgets outbox messages the bus has taken.</summary>
    public async Task DeleteOutboxAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM ibl_outbox WHERE {database.Dialect.InList("id", "@ids")}";
        database.Dialect.AddList(command, "@ids", ids);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many outbox messages wait (for tests and health).</summary>
    public async Task<long> OutboxCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM ibl_outbox", cancellationToken: cancellationToken));
    }

    /// <summary>A secret the feature keeps for itself, created with <paramref name="create"/> the first time (first writer wins).</summary>
    public async Task<string> SecretAsync(string name, Func<string> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        await using var connection = await database.OpenAsync(cancellationToken);
        var value = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT value FROM ibl_secrets WHERE name = @name", new { name }, cancellationToken: cancellationToken));
        if (value is not null) return value;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ibl_secrets (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING", new { name, value = create() }, cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT value FROM ibl_secrets WHERE name = @name", new { name }, cancellationToken: cancellationToken));
    }

    /// <summary>How many unfinished requests each of <paramref name="agencies"/> has in hand as lender (the rota's load balance).</summary>
    public async Task<Dictionary<string, long>> LenderLoadAsync(IReadOnlyCollection<string> agencies, CancellationToken cancellationToken)
    {
        var load = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        if (agencies.Count == 0) return load;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT lender_agency, COUNT(*) FROM ibl_requests WHERE ended_at IS NULL AND {database.Dialect.InList("lender_agency", "@agencies")} GROUP BY lender_agency";
        database.Dialect.AddList(command, "@agencies", agencies);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) load[reader.GetString(0)] = reader.GetInt64(1);
        return load;
    }

    private sealed class IsoMessageRow
    {
        public string Id { get; set; } = "";
        public string RequestId { get; set; } = "";
        public string Peer { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Xml { get; set; } = "";
        public string? SentAt { get; set; }
    }

    private sealed class OutboxRow
    {
        public string Id { get; set; } = "";
        public string RequestId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Payload { get; set; } = "";
        public string ClaimedAt { get; set; } = "";
    }
}
