using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.Changes;

/// <summary>
/// The desk of a library of this installation took in a copy its own system does not know (a copy of another library
/// system), by barcode. <see cref="CanonicalChange.LocalId"/> is the vendor's id of that take-in. The hub finds the copy's
/// owner and returns it there; it MUST do so once per <see cref="CanonicalChange.SourceEventId"/>, however often the
/// change is read.
/// </summary>
public sealed record ForeignCopyReturned : CanonicalChange
{
    /// <summary>The barcode the desk scanned.</summary>
    public required string Barcode { get; init; }
    /// <summary>The library where it was handed in.</summary>
    public required Isil ReturningIsil { get; init; }
}
