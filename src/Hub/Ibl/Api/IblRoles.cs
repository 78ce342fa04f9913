namespace Lsb.Hub.Ibl.Api;

/// <summary>What a key is to a request.</summary>
[Flags]
public enum IblRoles
{
    /// <summary>Nothing: the key may not see the request.</summary>
    None = 0,
    /// <summary>The requesting library (its key or its POI's).</summary>
    Borrower = 1,
    /// <summary>The current lender (its key or its POI's).</summary>
    Lender = 2,
    /// <summary>A lender asked earlier: may see the request, not act.</summary>
    FormerLender = 4,
    /// <summary>A hub administrator.</summary>
    Admin = 8,
}
