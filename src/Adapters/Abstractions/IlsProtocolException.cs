namespace Lsb.Hub.Adapters;

/// <summary>
/// The installation answered with something the adapter cannot read (malformed JSON or XML, a wrong checksum, a
/// response of the wrong shape) or refused the hub's credentials. Not transient: it needs a person to look.
/// </summary>
public sealed class IlsProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IlsProtocolException(string message, Exception? innerException = null) : base(message, innerException) { }

    /// <summary>Creates the exception.</summary>
    public IlsProtocolException() { }

    /// <summary>Creates the exception.</summary>
    public IlsProtocolException(string message) : base(message) { }
}
