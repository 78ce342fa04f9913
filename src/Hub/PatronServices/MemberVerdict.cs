using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Members;

namespace Lsb.Hub.PatronServices;

/// <summary>What verifying a member at home found: who they are and what they may do. Holds no card number or PIN.</summary>
/// <param name="Membership">The verified membership.</param>
/// <param name="Standing">The member's standing as the home system reported it.</param>
/// <param name="Today">The day the verdict was made, for the expiry check.</param>
public sealed record MemberVerdict(HomeMembership Membership, PatronStanding Standing, DateOnly Today)
{
    /// <summary>The home system blocks the member.</summary>
    public bool Blocked => Standing.Status == MemberStatus.Blocked;

    /// <summary>The membership has expired.</summary>
    public bool Expired => Standing.Status == MemberStatus.Expired || Standing.ExpiresOn is { } end && end < Today;

    /// <summary>Unpaid fines exceed the home library's limit.</summary>
    public bool FinesOverLimit => Standing.FinesOverLimit;

    /// <summary>True when nothing stops the member from borrowing.</summary>
    public bool MayBorrow => !Blocked && !Expired && !FinesOverLimit;

    /// <summary>Why the member may not borrow, as a sentence, or null.</summary>
    public string? Refusal => MayBorrow ? null : "The member may not borrow: " + string.Join(", ",
        new[] { Blocked ? "blocked by the home library" : null, Expired ? "membership expired" : null, FinesOverLimit ? "unpaid fines over the limit" : null }
            .Where(s => s is not null)) + ". The member can settle this at their home library.";
}
