using System.Text.Json.Nodes;

namespace Lsb.Hub.Dwh;

/// <summary>
/// One event as the DWH receives it: the log position (the cursor), the event's metadata and its payload with every
/// person-related id replaced by a keyed pseudonym. Carries no names, addresses, birth dates or card numbers.
/// </summary>
/// <param name="Position">Log position: read on with <c>after={Position}</c>.</param>
/// <param name="EventId">The event id.</param>
/// <param name="EventType">Type, e.g. <c>LoanStarted</c>; schema in docs/events/.</param>
/// <param name="SchemaVersion">Version of the type's schema.</param>
/// <param name="Subject">The subject id: a pseudonym for members and loans, the canonical id for copies.</param>
/// <param name="Isil">The library concerned: the ISIL the event was recorded with.</param>
/// <param name="CurrentIsil">When <paramref name="Isil"/> is a former ISIL (the library merged into another): the
/// library's current ISIL; null (absent in JSON) when the ISIL is still current. See docs/consolidation.md.</param>
/// <param name="SourceSystem">Installation or other source.</param>
/// <param name="OccurredAt">When it happened at the source.</param>
/// <param name="RecordedAt">When the hub committed it.</param>
/// <param name="KeyVersion">The pseudonym key version in force.</param>
/// <param name="Data">The type's fields, pseudonymised.</param>
public sealed record DwhEvent(
    long Position,
    Guid EventId,
    string EventType,
    int SchemaVersion,
    string Subject,
    string? Isil,
    string? CurrentIsil,
    string SourceSystem,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    int KeyVersion,
    JsonObject Data);
