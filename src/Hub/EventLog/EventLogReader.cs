using System.Text.Json;
using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.EventLog;

/// <summary>Reads the event log by position.</summary>
public sealed class EventLogReader(HubDatabase database)
{
    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/>, in position order, each with
    /// <see cref="LoggedEvent.CurrentIsil"/> stamped from the ISIL history as it is now. This is the one place that stamp
    /// is made: every path that hands events to a consumer (the event log API, the DWH pull feed, CSV export, folder
    /// and broker push) MUST read through here, so they all show both ISILs where they differ (docs/consolidation.md).
    /// </summary>
    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT e.position, e.event_id, e.event_type, e.schema_version, e.subject_id, e.isil, b.source_system, e.source_event_id, " +
            "e.occurred_at, b.recorded_at, b.correlation_id, e.payload, h.current_isil FROM event_log e JOIN event_batches b ON b.id = e.batch_id " +
            "LEFT JOIN isil_history h ON h.isil = e.isil " +
            "WHERE e.position > @after ORDER BY e.position LIMIT @limit",
            new { after, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new LoggedEvent(r.Position, Guid.Parse(r.EventId), r.EventType, r.SchemaVersion, r.SubjectId,
            r.Isil, r.SourceSystem, r.SourceEventId, DateTimeOffset.Parse(r.OccurredAt, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(r.RecordedAt, System.Globalization.CultureInfo.InvariantCulture), r.CorrelationId,
            JsonDocument.Parse(r.Payload).RootElement.Clone()) { CurrentIsil = r.CurrentIsil })];
    }

    /// <summary>The first position recorded at or after <paramref name="at"/> (head + 1 when none).</summary>
    public async Task<long> FirstPositionRecordedFromAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var first = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(id) FROM event_batches WHERE recorded_at >= @at", new { at = at.ToUniversalTime().ToString("O") }, cancellationToken: cancellationToken));
        if (first is { } f) return f;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT last_position + 1 FROM event_log_head WHERE id = 1", cancellationToken: cancellationToken));
    }

    /// <summary>The position of the newest committed event (0 for an empty log).</summary>
    public async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT last_position FROM event_log_head WHERE id = 1", cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public long Position { get; set; }
        public string EventId { get; set; } = "";
        public string EventType { get; set; } = "";
        public int SchemaVersion { get; set; }
        public string SubjectId { get; set; } = "";
        public string? Isil { get; set; }
        public string SourceSystem { get; set; } = "";
        public string SourceEventId { get; set; } = "";
        public string OccurredAt { get; set; } = "";
        public string RecordedAt { get; set; } = "";
        public string? CorrelationId { get; set; }
        public string Payload { get; set; } = "";
        public string? CurrentIsil { get; set; }
    }
}
