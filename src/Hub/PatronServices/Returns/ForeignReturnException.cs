namespace Lsb.Hub.PatronServices.Returns;

/// <summary>
/// A copy another system took in was not returned; nothing was changed. When <see cref="OwnerUnavailable"/> (the owner's
/// system could not be reached or did not confirm) the report is retried for a while first (Bus/BusConfiguration); else
/// (barcode unknown or naming several copies, owner refused) it goes to the failed-message store with the reason at once.
/// </summary>
public sealed class ForeignReturnException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ForeignReturnException(string message, bool ownerUnavailable) : base(message) => OwnerUnavailable = ownerUnavailable;

    /// <summary>Creates the exception.</summary>
    public ForeignReturnException() { }

    /// <summary>Creates the exception.</summary>
    public ForeignReturnException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ForeignReturnException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>True when the owner's system could not be reached or did not confirm: worth trying again.</summary>
    public bool OwnerUnavailable { get; }
}
