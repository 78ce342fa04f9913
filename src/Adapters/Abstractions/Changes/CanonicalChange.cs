using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Changes;

/// <summary>
/// A vendor change translated into canonical terms, still keyed by the vendor's local ids: the hub maps local ids
/// to canonical ids (its id map) and decides which canonical events follow.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "change")]
[JsonDerivedType(typeof(MemberSnapshot), nameof(MemberSnapshot))]
[JsonDerivedType(typeof(MemberGone), nameof(MemberGone))]
[JsonDerivedType(typeof(HoldingSnapshot), nameof(HoldingSnapshot))]
[JsonDerivedType(typeof(HoldingGone), nameof(HoldingGone))]
[JsonDerivedType(typeof(LoanSnapshot), nameof(LoanSnapshot))]
[JsonDerivedType(typeof(ForeignCopyReturned), nameof(ForeignCopyReturned))]
public abstract record CanonicalChange
{
    /// <summary>The vendor's id of the entity.</summary>
    public required string LocalId { get; init; }
    /// <summary>See <see cref="VendorChange.SourceEventId"/>.</summary>
    public required string SourceEventId { get; init; }
    /// <summary>See <see cref="VendorChange.SourceVersion"/>.</summary>
    public required long SourceVersion { get; init; }
    /// <summary>When it happened at the source.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
