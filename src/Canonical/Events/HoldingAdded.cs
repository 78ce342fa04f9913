using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A copy the hub had not seen before.</summary>
public sealed record HoldingAdded : CanonicalEvent
{
    /// <summary>The copy.</summary>
    public required HoldingId HoldingId { get; init; }
    /// <summary>The owning library.</summary>
    public required Isil OwnerIsil { get; init; }
    /// <summary>The copy's details after the change.</summary>
    public required HoldingDetails Details { get; init; }
    /// <inheritdoc />
    public override string SubjectId => HoldingId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => OwnerIsil.Value;
}
