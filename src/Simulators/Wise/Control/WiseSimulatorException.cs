namespace Lsb.Hub.Simulators.Wise;

/// <summary>A control operation could not be carried out (unknown installation, patron or copy; a conflict).</summary>
public sealed class WiseSimulatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WiseSimulatorException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    /// <summary>Creates the exception.</summary>
    public WiseSimulatorException() : this(500, "ERROR", "The simulator failed.") { }

    /// <summary>Creates the exception.</summary>
    public WiseSimulatorException(string message) : this(500, "ERROR", message) { }

    /// <summary>Creates the exception.</summary>
    public WiseSimulatorException(string message, Exception innerException) : base(message, innerException)
    {
        Status = 500;
        Code = "ERROR";
    }

    /// <summary>The HTTP status the control API answers with.</summary>
    public int Status { get; }

    /// <summary>A code such as PATRON_NOT_FOUND.</summary>
    public string Code { get; }
}
