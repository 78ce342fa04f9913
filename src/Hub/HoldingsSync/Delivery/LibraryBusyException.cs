namespace Lsb.Hub.HoldingsSync.Delivery;

/// <summary>Another hub node holds a library's holdings-sync lock; the work is retried later.</summary>
public sealed class LibraryBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LibraryBusyException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public LibraryBusyException() : base("Another hub node is working on this library's holdings.") { }

    /// <summary>Creates the exception.</summary>
    public LibraryBusyException(string message, Exception innerException) : base(message, innerException) { }
}
