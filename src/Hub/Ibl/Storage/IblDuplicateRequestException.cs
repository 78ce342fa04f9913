namespace Lsb.Hub.Ibl.Storage;

/// <summary>An external agency sent a request id it used before (ISO 18626 keys a transaction by the requester's id).</summary>
public sealed class IblDuplicateRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IblDuplicateRequestException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public IblDuplicateRequestException() { }

    /// <summary>Creates the exception.</summary>
    public IblDuplicateRequestException(string message, Exception innerException) : base(message, innerException) { }
}
