using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Events;

/// <summary>
/// A fact the hub has accepted, in canonical terms. Every event carries its source (system + source event id) and
/// a schema version. Events NEVER carry direct personal identifiers (names, addresses, birth dates, card numbers):
/// those stay in the state store, so the event log and every feed built on it can be kept after an erasure.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MemberRegistered), nameof(MemberRegistered))]
[JsonDerivedType(typeof(MemberUpdated), nameof(MemberUpdated))]
[JsonDerivedType(typeof(MemberRemoved), nameof(MemberRemoved))]
[JsonDerivedType(typeof(HoldingAdded), nameof(HoldingAdded))]
[JsonDerivedType(typeof(HoldingChanged), nameof(HoldingChanged))]
[JsonDerivedType(typeof(HoldingWithdrawn), nameof(HoldingWithdrawn))]
[JsonDerivedType(typeof(LoanStarted), nameof(LoanStarted))]
[JsonDerivedType(typeof(LoanRenewed), nameof(LoanRenewed))]
[JsonDerivedType(typeof(LoanEnded), nameof(LoanEnded))]
[JsonDerivedType(typeof(IblRequestPlaced), nameof(IblRequestPlaced))]
[JsonDerivedType(typeof(IblRequestStateChanged), nameof(IblRequestStateChanged))]
[JsonDerivedType(typeof(IblRequestEnded), nameof(IblRequestEnded))]
public abstract record CanonicalEvent
{
    /// <summary>The event's own id.</summary>
    public required Guid EventId { get; init; }

    /// <summary>Where the change came from.</summary>
    public required EventSource Source { get; init; }

    /// <summary>When the change happened at the source.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The event type name, as stored in the log and documented in <c>docs/events/</c>.</summary>
    [JsonIgnore]
    public string EventType => GetType().Name;

    /// <summary>The version of this event type's JSON schema. It changes only when the shape changes.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The canonical id of the member, holding or loan this event is about.</summary>
    [JsonIgnore]
    public abstract string SubjectId { get; }

    /// <summary>The library the event concerns.</summary>
    [JsonIgnore]
    public abstract string LibraryIsil { get; }
}
