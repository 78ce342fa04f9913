using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Privacy.Retention;

/// <summary>
/// The member id that pseudonymised loan history carries instead of the real one: a keyed hash
/// (<see cref="PrivacyPurpose.LoanHistoryPseudonym"/>) in the form of a member id, so the history stays countable per
/// (pseudonymous) borrower and every reader of loans and events keeps working, but it names no member and cannot be
/// traced back without the key. Erasure uses the same function to find and remove it.
/// </summary>
public sealed class MemberPseudonym(KeyedHash hash)
{
    /// <summary>The pseudonym of <paramref name="memberId"/>.</summary>
    public string For(string memberId) => MemberId.FromGuid(hash.Guid("loan-history|" + memberId)).ToString();
}
