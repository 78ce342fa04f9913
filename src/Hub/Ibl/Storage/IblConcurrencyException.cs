namespace Lsb.Hub.Ibl.Storage;

/// <summary>Another writer changed the request since it was loaded (optimistic concurrency): load it again and decide again.</summary>
public sealed class IblConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IblConcurrencyException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public IblConcurrencyException() { }

    /// <summary>Creates the exception.</summary>
    public IblConcurrencyException(string message, Exception innerException) : base(message, innerException) { }
}
