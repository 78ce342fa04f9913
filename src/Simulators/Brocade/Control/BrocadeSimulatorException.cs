namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A control operation was refused (unknown member, copy on loan, …); the message says why.</summary>
public sealed class BrocadeSimulatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BrocadeSimulatorException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public BrocadeSimulatorException() { }

    /// <summary>Creates the exception.</summary>
    public BrocadeSimulatorException(string message, Exception innerException) : base(message, innerException) { }
}
