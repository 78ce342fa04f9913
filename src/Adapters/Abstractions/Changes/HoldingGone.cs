using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.Changes;

/// <summary>The copy was withdrawn or deleted at the source.</summary>
public sealed record HoldingGone : CanonicalChange
{
    /// <summary>Owning library, if the source says.</summary>
    public Isil? Isil { get; init; }
}
