using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A member was removed at the source, or erased on request (then <see cref="Erased"/> is true: a tombstone).</summary>
public sealed record MemberRemoved : CanonicalEvent
{
    /// <summary>The member.</summary>
    public required MemberId MemberId { get; init; }
    /// <summary>The home library.</summary>
    public required Isil HomeIsil { get; init; }
    /// <summary>True when this is an erasure (right to be forgotten): consumers MUST delete what they hold.</summary>
    public bool Erased { get; init; }
    /// <inheritdoc />
    public override string SubjectId => MemberId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => HomeIsil.Value;
}
