using System.Text.Json;

namespace Lsb.Hub.EventLog;

/// <summary>One entry of the event log as the API returns it.</summary>
/// <param name="Position">Gap-free global position, starting at 1.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">The event type, e.g. <c>MemberRegistered</c>.</param>
/// <param name="SchemaVersion">The version of the type's schema (docs/events/).</param>
/// <param name="SubjectId">The canonical id the event is about.</param>
/// <param name="Isil">The library concerned.</param>
/// <param name="SourceSystem">Installation id or other source.</param>
/// <param name="SourceEventId">The source's id for the change.</param>
/// <param name="OccurredAt">When it happened at the source.</param>
/// <param name="RecordedAt">When the hub committed it.</param>
/// <param name="CorrelationId">Correlation id of the poll or request that brought it.</param>
/// <param name="Payload">The canonical event as JSON.</param>
public sealed record LoggedEvent(
    long Position,
    Guid EventId,
    string EventType,
    int SchemaVersion,
    string SubjectId,
    string? Isil,
    string SourceSystem,
    string SourceEventId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string? CorrelationId,
    JsonElement Payload)
{
    /// <summary>When <see cref="Isil"/> is a library's former ISIL (it merged into another): its current one, else null.
    /// The event keeps the ISIL it was recorded with; readers see both where they differ.</summary>
    public string? CurrentIsil { get; init; }
}
