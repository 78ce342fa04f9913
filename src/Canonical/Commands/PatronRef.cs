using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Commands;

/// <summary>A member as a command names it: the canonical id, and what the hub knows the target system calls them.</summary>
/// <param name="MemberId">Canonical id, when the member is known to the hub.</param>
/// <param name="LocalId">The member's id in the target installation (resolved by the hub from its id map).</param>
/// <param name="CardNumber">The library card number.</param>
public sealed record PatronRef(MemberId? MemberId, string? LocalId, string? CardNumber);
