using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A known member changed. <see cref="ChangedFields"/> names what changed (personal fields by name only).</summary>
public sealed record MemberUpdated : CanonicalEvent
{
    /// <summary>The member.</summary>
    public required MemberId MemberId { get; init; }
    /// <summary>The home library.</summary>
    public required Isil HomeIsil { get; init; }
    /// <summary>Non-identifying attributes after the change.</summary>
    public required MemberProfile Profile { get; init; }
    /// <summary>Names of the canonical fields that changed, e.g. "FamilyName", "Status".</summary>
    public required IReadOnlyList<string> ChangedFields { get; init; }
    /// <inheritdoc />
    public override string SubjectId => MemberId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => HomeIsil.Value;
}
