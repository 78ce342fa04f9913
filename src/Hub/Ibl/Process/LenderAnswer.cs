namespace Lsb.Hub.Ibl.Process;

/// <summary>What a lender can say (ISO 18626 supplier statuses, and the lender's own actions).</summary>
public enum LenderAnswer
{
    /// <summary>The request arrived (ISO 18626 RequestReceived): noted only.</summary>
    RequestReceived,
    /// <summary>It expects to supply.</summary>
    ExpectToSupply,
    /// <summary>It will supply.</summary>
    WillSupply,
    /// <summary>It cannot supply.</summary>
    Unfilled,
    /// <summary>It shipped the copy (ISO 18626 Loaned).</summary>
    Shipped,
    /// <summary>It recalls the copy.</summary>
    Recalled,
    /// <summary>It says the loan is overdue.</summary>
    Overdue,
    /// <summary>It checked the returned copy in (its adapter then records the check-in).</summary>
    CheckedIn,
    /// <summary>An ISO 18626 supplier says the loan is complete.</summary>
    LoanCompleted,
    /// <summary>An ISO 18626 supplier says the request is cancelled (or agrees to cancel).</summary>
    Cancelled,
    /// <summary>An ISO 18626 supplier answers a renewal request (<see cref="LenderAnswered.Yes"/>).</summary>
    RenewAnswer,
    /// <summary>A note without a change (ISO 18626 Notification).</summary>
    Notification,
}
