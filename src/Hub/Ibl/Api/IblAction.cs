namespace Lsb.Hub.Ibl.Api;

/// <summary>What a library can do to a request over the API (docs/ibl.md has who may do what, when).</summary>
public enum IblAction
{
    /// <summary>Borrower: cancel (before shipping).</summary>
    Cancel,
    /// <summary>Borrower: the copy arrived; the hub creates the temporary copy and lends it to the member.</summary>
    Received,
    /// <summary>Borrower: the member returned it and it went back; the hub checks it in and removes the temporary copy.</summary>
    ShippedReturn,
    /// <summary>Borrower: ask the lender for more time.</summary>
    Renew,
    /// <summary>Lender: expects to supply.</summary>
    ExpectToSupply,
    /// <summary>Lender: will supply.</summary>
    WillSupply,
    /// <summary>Lender: cannot supply; the next lender is asked.</summary>
    Unfilled,
    /// <summary>Lender: shipped; the hub checks the copy out to the borrowing library's institutional patron.</summary>
    Shipped,
    /// <summary>Lender: recalls the copy.</summary>
    Recall,
    /// <summary>Lender: the copy came back; the hub checks it in at the lender and completes the loan.</summary>
    CheckedIn,
    /// <summary>Either: a step the library's system cannot do was done by hand (give stepId).</summary>
    ManualStepDone,
}
