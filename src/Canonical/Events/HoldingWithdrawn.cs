using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A copy left the collection (withdrawn, deleted at the source).</summary>
public sealed record HoldingWithdrawn : CanonicalEvent
{
    /// <summary>The copy.</summary>
    public required HoldingId HoldingId { get; init; }
    /// <summary>The owning library.</summary>
    public required Isil OwnerIsil { get; init; }
    /// <summary>The copy's barcode, so catalogues can remove it.</summary>
    public string? Barcode { get; init; }
    /// <inheritdoc />
    public override string SubjectId => HoldingId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => OwnerIsil.Value;
}
