namespace Lsb.Hub.Ingest;

/// <summary>
/// A loan to a guest account that no guest loan of the hub explains: the account was used at the desk directly, or the hub
/// has not yet committed the guest loan it has just lent (so the change is retried for some seconds before it lands in the
/// failed-message store; Bus/BusConfiguration). The loan NEVER becomes a loan of the account's member record.
/// </summary>
public sealed class UnattributedGuestAccountLoanException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnattributedGuestAccountLoanException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public UnattributedGuestAccountLoanException() { }

    /// <summary>Creates the exception.</summary>
    public UnattributedGuestAccountLoanException(string message, Exception innerException) : base(message, innerException) { }
}
