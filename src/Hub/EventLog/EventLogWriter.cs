using System.Data.Common;
using Dapper;
using Lsb.Hub.Canonical.Events;
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
        INSERT INTO event_log (position, event_id, event_type, schema_version, subject_id, isil, source_event_id, occurred_at, batch_id, payload)
        VALUES (@position, @eventId, @eventType, @schemaVersion, @subjectId, @isil, @sourceEventId, @occurredAt, @batchId, @payload)
        """;

    /// <summary>Appends <paramref name="events"/> in order; returns the position of the last one (0 when none).</summary>
    public static Task<long> AppendAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<CanonicalEvent> events, string? correlationId, DateTimeOffset recordedAt, CancellationToken cancellationToken)
        => AppendAsync(connection, transaction, Prepare(events), correlationId, recordedAt, cancellationToken);

    /// <summary>The text of each event's log row (its payload JSON above all, as UTF-8), made before the write: ingest makes
    /// it on another thread while the page's state rows are written, so the write itself only binds it.</summary>
    public static PreparedEvent[] Prepare(IReadOnlyList<CanonicalEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = new PreparedEvent[events.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var e = events[i];
            rows[i] = new PreparedEvent(e, e.EventId.ToString(), e.OccurredAt.ToUniversalTime().ToString("O"), new Utf8Text(EventPayloadJson.WriteUtf8(e)))
            {
                EventType = e.EventType, SubjectId = e.SubjectId, LibraryIsil = e.LibraryIsil,
            };
        }
        return rows;
    }

    /// <summary>Appends prepared events in order; returns the position of the last one (0 when none).</summary>
    public static async Task<long> AppendAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<PreparedEvent> rows, string? correlationId, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return 0;
        var last = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE event_log_head SET last_position = last_position + @n WHERE id = 1 RETURNING last_position",
            new { n = (long)rows.Count }, transaction, cancellationToken: cancellationToken));
        var first = last - rows.Count + 1;
        var source = rows[0].Event.Source.System;
        for (var i = 1; i < rows.Count; i++)
        {
            if (string.Equals(rows[i].Event.Source.System, source, StringComparison.Ordinal)) continue;
            var sources = rows.Select(r => r.Event.Source.System).Distinct(StringComparer.Ordinal);
            throw new ArgumentException($"One append holds the events of one source system; got {string.Join(", ", sources)}.", nameof(rows));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO event_batches (id, last_position, source_system, recorded_at, correlation_id) VALUES (@first, @last, @source, @recorded, @correlationId)",
            new { first, last, source, recorded = recordedAt.ToUniversalTime().ToString("O"), correlationId }, transaction, cancellationToken: cancellationToken));

        await using var batch = new RowBatch(connection, transaction, InsertSql, "position", "eventId", "eventType", "schemaVersion",
            "subjectId", "isil", "sourceEventId", "occurredAt", "batchId", "payload");
        var position = first;
        var boxedFirst = (object)first;
        // One array for every row: the batch binds (SQLite) or copies (PostgreSQL) the values before the next row is filled in.
        var values = new object?[10];
        foreach (var row in rows)
        {
            var e = row.Event;
            (values[0], values[1], values[2], values[3], values[4]) = (position++, row.EventId, row.EventType, e.SchemaVersion, row.SubjectId);
            (values[5], values[6], values[7], values[8], values[9]) = (row.LibraryIsil, e.Source.SourceEventId, row.OccurredAt, boxedFirst, row.Payload);
            await batch.AddAsync(values, cancellationToken);
        }
        await batch.FlushAsync(cancellationToken);
        return last;
    }
}

/// <summary>One event and the text of its log row (<see cref="EventLogWriter.Prepare"/>); the payload JSON as UTF-8.</summary>
public sealed record PreparedEvent(CanonicalEvent Event, string EventId, string OccurredAt, Utf8Text Payload)
{
    /// <summary>The event's type name (<see cref="CanonicalEvent.EventType"/>).</summary>
    public required string EventType { get; init; }

    /// <summary>The event's subject (<see cref="CanonicalEvent.SubjectId"/>, which formats the id anew each time).</summary>
    public required string SubjectId { get; init; }

    /// <summary>The event's library (<see cref="CanonicalEvent.LibraryIsil"/>).</summary>
    public required string LibraryIsil { get; init; }
}
