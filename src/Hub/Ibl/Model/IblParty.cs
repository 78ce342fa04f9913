namespace Lsb.Hub.Ibl.Model;

/// <summary>Who carries a step out or acts on a request.</summary>
public enum IblParty
{
    /// <summary>The borrowing (requesting) library.</summary>
    Borrower,
    /// <summary>The current lender.</summary>
    Lender,
    /// <summary>The hub itself.</summary>
    Hub,
}
