namespace Lsb.Hub.AdapterHosting;

/// <summary>A message or request names an installation the hub does not know, or whose vendor it has no adapter for.</summary>
public sealed class UnknownInstallationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownInstallationException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public UnknownInstallationException() { }

    /// <summary>Creates the exception.</summary>
    public UnknownInstallationException(string message, Exception innerException) : base(message, innerException) { }
}
