using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A member the hub had not seen before.</summary>
public sealed record MemberRegistered : CanonicalEvent
{
    /// <summary>The member.</summary>
    public required MemberId MemberId { get; init; }
    /// <summary>The home library.</summary>
    public required Isil HomeIsil { get; init; }
    /// <summary>Non-identifying attributes.</summary>
    public required MemberProfile Profile { get; init; }
    /// <inheritdoc />
    public override string SubjectId => MemberId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => HomeIsil.Value;
}
