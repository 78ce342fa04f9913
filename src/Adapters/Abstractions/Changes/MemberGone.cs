using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.Changes;

/// <summary>The member was deleted at the source.</summary>
public sealed record MemberGone : CanonicalChange
{
    /// <summary>The home library, if the source says.</summary>
    public Isil? HomeIsil { get; init; }
}
