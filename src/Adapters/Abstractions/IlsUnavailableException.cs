namespace Lsb.Hub.Adapters;

/// <summary>
/// The installation could not be reached or answered with a transient fault (timeout, 5xx, circuit open, dropped
/// connection). The hub retries later; nothing was read or changed.
/// </summary>
public sealed class IlsUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IlsUnavailableException(string message, Exception? innerException = null) : base(message, innerException) { }

    /// <summary>Creates the exception.</summary>
    public IlsUnavailableException() { }

    /// <summary>Creates the exception.</summary>
    public IlsUnavailableException(string message) : base(message) { }
}
