using System.Data.Common;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;

namespace Lsb.Hub.EventLog;

/// <summary>
/// Appends canonical events to the log inside the caller's transaction, so an event is logged if and only if the
/// state change it describes commits. Positions come from the single <c>event_log_head</c> row, which the
/// transaction holds locked until commit: positions are gap-free and increase in commit order, so a reader that
/// resumes after position N never misses an event committed later with a lower number.
/// </summary>
public static class EventLogWriter
{
    private const string InsertSql = """
        INSERT INTO event_log (position, event_id, event_type, schema_version, subject_id, isil, source_system,
                               source_event_id, occurred_at, recorded_at, correlation_id, payload)
        VALUES (@position, @eventId, @eventType, @schemaVersion, @subjectId, @isil, @sourceSystem,
                @sourceEventId, @occurredAt, @recordedAt, @correlationId, @payload)
        """;

    /// <summary>Appends <paramref name="events"/> in order; returns the position of the last one (0 when none).</summary>
    public static async Task<long> AppendAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<CanonicalEvent> events, string? correlationId, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return 0;
        var last = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE event_log_head SET last_position = last_position + @n WHERE id = 1 RETURNING last_position",
            new { n = (long)events.Count }, transaction, cancellationToken: cancellationToken));
        var position = last - events.Count;
        var recorded = recordedAt.ToUniversalTime().ToString("O");

        await using var batch = new RowBatch(connection, transaction, InsertSql, "position", "eventId", "eventType", "schemaVersion",
            "subjectId", "isil", "sourceSystem", "sourceEventId", "occurredAt", "recordedAt", "correlationId", "payload");
        foreach (var e in events)
        {
            position++;
            await batch.AddAsync(
            [
                position, e.EventId.ToString(), e.EventType, e.SchemaVersion, e.SubjectId, e.LibraryIsil, e.Source.System,
                e.Source.SourceEventId, e.OccurredAt.ToUniversalTime().ToString("O"), recorded, correlationId,
                JsonSerializer.Serialize(e, HubJson.Options),
            ], cancellationToken);
        }
        await batch.FlushAsync(cancellationToken);
        return last;
    }
}
