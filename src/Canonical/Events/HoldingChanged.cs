using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A known copy changed (status, location, shelfmark, …).</summary>
public sealed record HoldingChanged : CanonicalEvent
{
    /// <summary>The copy.</summary>
    public required HoldingId HoldingId { get; init; }
    /// <summary>The owning library.</summary>
    public required Isil OwnerIsil { get; init; }
    /// <summary>The copy's details after the change.</summary>
    public required HoldingDetails Details { get; init; }
    /// <summary>Names of the canonical fields that changed.</summary>
    public required IReadOnlyList<string> ChangedFields { get; init; }
    /// <inheritdoc />
    public override string SubjectId => HoldingId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => OwnerIsil.Value;
}
