namespace Lsb.Hub.DigitalLoans;

/// <summary>What happened to an e-book loan at the platform (JSON: <c>started</c>, <c>renewed</c>, <c>ended</c>).</summary>
public enum DigitalLoanEventType
{
    /// <summary>The e-book was lent.</summary>
    Started,
    /// <summary>The loan was extended: a new due date.</summary>
    Renewed,
    /// <summary>The loan ended (returned early or expired).</summary>
    Ended,
}
