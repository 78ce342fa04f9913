namespace Lsb.Hub.Canonical.Members;

/// <summary>Whether a member may borrow.</summary>
public enum MemberStatus
{
    /// <summary>May borrow.</summary>
    Active,
    /// <summary>Blocked by the library (fines, lost items, a manual block).</summary>
    Blocked,
    /// <summary>Membership has expired.</summary>
    Expired,
}
