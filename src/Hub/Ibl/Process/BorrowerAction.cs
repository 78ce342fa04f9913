namespace Lsb.Hub.Ibl.Process;

/// <summary>What a borrowing library can do (ISO 18626 requester actions).</summary>
public enum BorrowerAction
{
    /// <summary>Cancel (before shipping).</summary>
    Cancel,
    /// <summary>The copy arrived.</summary>
    Received,
    /// <summary>The copy went back to the lender.</summary>
    ShippedReturn,
    /// <summary>Ask the lender for more time.</summary>
    Renew,
    /// <summary>A note without a change (ISO 18626 Notification).</summary>
    Notification,
    /// <summary>Ask for the current status (ISO 18626 StatusRequest): answered with a message.</summary>
    StatusRequest,
}
