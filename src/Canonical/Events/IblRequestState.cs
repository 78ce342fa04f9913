namespace Lsb.Hub.Canonical.Events;

/// <summary>
/// The state of an interlibrary-loan request, named after ISO 18626 on the requester's side (docs/ibl.md). The
/// terminal states are <see cref="LoanCompleted"/>, <see cref="Cancelled"/>, <see cref="EndOfRota"/> and
/// <see cref="InvalidPatron"/>: a request in one of them NEVER changes state again.
/// </summary>
public enum IblRequestState
{
    /// <summary>Placed; the member is being checked at the borrowing library.</summary>
    New,
    /// <summary>The member is in good standing (or the request came from an external agency).</summary>
    Validated,
    /// <summary>Lenders are being looked up, or the next lender of the rota is being asked.</summary>
    Sourcing,
    /// <summary>The request reached the current lender (a hold for the borrowing library's institutional patron); no answer yet.</summary>
    SentToSupplier,
    /// <summary>The lender expects to supply.</summary>
    ExpectToSupply,
    /// <summary>The lender will supply.</summary>
    WillSupply,
    /// <summary>The lender shipped the copy (ISO 18626 Loaned).</summary>
    Loaned,
    /// <summary>The borrowing library received the copy and lent it to the member.</summary>
    Received,
    /// <summary>The due date passed.</summary>
    Overdue,
    /// <summary>The lender recalled the copy.</summary>
    Recalled,
    /// <summary>The borrowing library shipped the copy back.</summary>
    ShippedReturn,
    /// <summary>The lender checked the copy in: done.</summary>
    LoanCompleted,
    /// <summary>The current lender cannot supply; the rota moves on (a passing state).</summary>
    Unfilled,
    /// <summary>Cancelled before shipping.</summary>
    Cancelled,
    /// <summary>No lender in the rota could supply.</summary>
    EndOfRota,
    /// <summary>The borrowing library's system refused the member (blocked, unknown).</summary>
    InvalidPatron,
}
