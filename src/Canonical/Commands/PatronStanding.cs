using Lsb.Hub.Canonical.Members;

namespace Lsb.Hub.Canonical.Commands;

/// <summary>What a lookup or authentication says about a member: no more personal data than needed.</summary>
/// <param name="LocalId">The member's id in their home system.</param>
/// <param name="Status">Active, blocked or expired.</param>
/// <param name="Category">Canonical category.</param>
/// <param name="FinesOverLimit">True when unpaid fines exceed the library's limit.</param>
/// <param name="ExpiresOn">Membership end date.</param>
public sealed record PatronStanding(string LocalId, MemberStatus Status, MemberCategory Category, bool FinesOverLimit, DateOnly? ExpiresOn);
