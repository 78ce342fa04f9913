namespace Lsb.Hub.HoldingsSync.Reconciliation;

/// <summary>A reconciliation cannot run now (the library is not synchronised, or a batch is still being delivered);
/// the message says what to do. Answered 409.</summary>
public sealed class ReconciliationRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReconciliationRefusedException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ReconciliationRefusedException() : base("The reconciliation cannot run now.") { }

    /// <summary>Creates the exception.</summary>
    public ReconciliationRefusedException(string message, Exception innerException) : base(message, innerException) { }
}
